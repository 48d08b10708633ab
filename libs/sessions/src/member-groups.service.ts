import { Injectable } from '@nestjs/common';
import { Clock, NotFoundError } from '#common';
import { CurriculaService } from '#curricula';
import { EnrollmentRepository, GroupAccess, GroupRepository } from '#groups';
import type {
  CurrentModuleView,
  MyGroupList,
  MyGroupView,
  SessionBrief,
} from './dto/member-group.view.js';
import type { Session } from './session.entity.js';
import { SessionRepository } from './session.repository.js';

const brief = ({ id, sequence, moduleTitle, startsAt, endsAt, status }: Session): SessionBrief => ({
  id,
  sequence,
  moduleTitle,
  startsAt,
  endsAt,
  status,
});

/** The next session not yet over and not cancelled, from a series in start order. */
const nextOf = (series: Session[], now: Date) =>
  series.find((s) => s.status !== 'cancelled' && s.endsAt > now) ?? null;

/** A group as its members see it: their own groups, and this week's material (no facilitator notes). */
@Injectable()
export class MemberGroupsService {
  constructor(
    private readonly groups: GroupRepository,
    private readonly enrollments: EnrollmentRepository,
    private readonly sessions: SessionRepository,
    private readonly access: GroupAccess,
    private readonly curricula: CurriculaService,
    private readonly clock: Clock,
  ) {}

  /** The groups the person holds a seat in or waits for, with each one's next session. */
  async myGroups(userId: string): Promise<MyGroupList> {
    const enrollments = await this.enrollments.openEnrollmentsOf(userId);
    const series = await this.sessions.listForGroups(enrollments.map((e) => e.groupId));
    const now = this.clock.now();
    const items: MyGroupView[] = [];
    for (const enrollment of enrollments) {
      const group = await this.groups.findById(enrollment.groupId);
      if (!group) continue;
      const next = nextOf(
        series.filter((s) => s.groupId === group.id),
        now,
      );
      items.push({
        groupId: group.id,
        name: group.name,
        status: enrollment.status as MyGroupView['status'],
        nextSession: next && brief(next),
      });
    }
    return { items };
  }

  /**
   * This week's module: the next session's (the last one's once the series is over), with the
   * goals, materials and homework members may see.
   */
  async currentModule(groupId: string, userId: string): Promise<CurrentModuleView> {
    const { group } = await this.access.requireViewer(groupId, userId);
    const series = await this.sessions.listForGroup(group.id);
    const session = nextOf(series, this.clock.now()) ?? series.at(-1);
    if (!session) throw new NotFoundError('session_not_found', 'This group has no sessions');
    const module =
      group.curriculumVersionId !== null && session.moduleIndex !== null
        ? await this.curricula.moduleOf(group.curriculumVersionId, session.moduleIndex)
        : null;
    return {
      session: brief(session),
      module: module && {
        title: module.title,
        goals: module.goals,
        materials: module.materials.map(({ title, text, url }) => ({ title, text, url })),
        homework: module.homework,
      },
    };
  }
}

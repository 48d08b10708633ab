import { Injectable } from '@nestjs/common';
import { ClinicalAudit } from '#audit';
import { Clock, ConflictError, NotFoundError } from '#common';
import { Transactions } from '#database';
import { SessionAccess, type SessionViewer } from '#sessions';
import { type NoteMember, NoteRepository } from './note.repository.js';
import type { NoteAddendum } from './session-note.entity.js';
import type {
  AddendumDto,
  AddendumView,
  GroupNoteView,
  MemberNoteView,
  SessionNotesView,
} from './notes.view.js';

const ATTENDANCE_WORDS: Record<string, string> = {
  present: 'Present',
  partial: 'Partly present',
  excused: 'Excused',
  absent: 'Absent',
};

/** A new group note: attendance filled in from the record, then the usual headings. */
function groupNoteTemplate(members: NoteMember[]): string {
  const byStatus = new Map<string, string[]>();
  for (const { displayName, attendance } of members) {
    const word = ATTENDANCE_WORDS[attendance ?? 'absent'];
    byStatus.set(word, [...(byStatus.get(word) ?? []), displayName]);
  }
  const lines = [...byStatus].map(([word, names]) => `${word}: ${names.join(', ')}`);
  return [
    'Attendance',
    ...(lines.length ? lines : ['No members yet']),
    '',
    'Themes',
    '',
    'Interventions',
    '',
    'Group process',
    '',
    'Plan',
    '',
  ].join('\n');
}

const noteSigned = () =>
  new ConflictError('note_signed', "This session's notes are signed: add an addendum instead");

/**
 * Session notes: one group note and one per member, read and written only by the group's
 * facilitators (participants never read them, not even their own), drafts until signed, then
 * locked with dated addenda. Every read and write is audited.
 */
@Injectable()
export class SessionNotesService {
  constructor(
    private readonly access: SessionAccess,
    private readonly notes: NoteRepository,
    private readonly transactions: Transactions,
    private readonly audit: ClinicalAudit,
    private readonly clock: Clock,
  ) {}

  async read(sessionId: string, actorId: string): Promise<SessionNotesView> {
    const { session, group } = await this.access.requireClinician(sessionId, actorId);
    const [{ notes, signature, addenda }, members] = await Promise.all([
      this.notes.forSession(session.id),
      this.notes.members(session.id, group.id),
    ]);
    // Members who left keep their notes: listed after the current ones.
    const former = notes
      .filter((n) => n.subjectUserId && !members.some((m) => m.userId === n.subjectUserId))
      .map((n) => ({
        userId: n.subjectUserId!,
        displayName: '',
        legalName: null,
        attendance: null,
      }));
    const people = [...members, ...former];
    await this.audit.record({
      organizationId: group.organizationId,
      actorId,
      action: 'read',
      resourceType: 'session_notes',
      resourceId: session.id,
      subjectUserIds: people.map((p) => p.userId),
    });
    const signedAt = signature?.signedAt ?? null;
    const addendaOf = (subjectUserId: string | null): AddendumView[] =>
      addenda.filter((a) => a.subjectUserId === subjectUserId).map(addendumView);
    const group_: GroupNoteView = {
      content: notes.find((n) => n.subjectUserId === null)?.content ?? groupNoteTemplate(members),
      signedAt,
      signedById: signature?.signedById ?? null,
      addenda: addendaOf(null),
    };
    return {
      group: group_,
      members: people.map((person): MemberNoteView => ({
        userId: person.userId,
        displayName: person.displayName,
        legalName: person.legalName,
        content: notes.find((n) => n.subjectUserId === person.userId)?.content ?? '',
        signedAt,
        addenda: addendaOf(person.userId),
      })),
    };
  }

  /** Writes the group note (no `subjectUserId`) or a member's note, while unsigned. */
  async write(
    sessionId: string,
    actorId: string,
    content: string,
    subjectUserId: string | null = null,
  ): Promise<SessionNotesView> {
    const viewer = await this.access.requireClinician(sessionId, actorId);
    if (subjectUserId) await this.requireMember(viewer, subjectUserId);
    await this.transactions.run(async (tx) => {
      if (await this.notes.lockSignature(viewer.session.id, tx)) throw noteSigned();
      await this.notes.saveDraft(
        {
          sessionId: viewer.session.id,
          subjectUserId,
          content,
          updatedById: actorId,
          updatedAt: this.clock.now(),
        },
        tx,
      );
      await this.audit.record(
        {
          organizationId: viewer.group.organizationId,
          actorId,
          action: 'update',
          resourceType: subjectUserId ? 'member_note' : 'group_note',
          resourceId: viewer.session.id,
          subjectUserIds: subjectUserId ? [subjectUserId] : [],
        },
        tx,
      );
    });
    return this.read(sessionId, actorId);
  }

  /** Signs and locks every note of the session; signing again is a 409. */
  async sign(sessionId: string, actorId: string): Promise<SessionNotesView> {
    const { session, group } = await this.access.requireClinician(sessionId, actorId);
    await this.transactions.run(async (tx) => {
      const signed = await this.notes.sign(
        { sessionId: session.id, signedById: actorId, signedAt: this.clock.now() },
        tx,
      );
      if (!signed) throw noteSigned();
      await this.audit.record(
        {
          organizationId: group.organizationId,
          actorId,
          action: 'sign',
          resourceType: 'session_notes',
          resourceId: session.id,
        },
        tx,
      );
    });
    return this.read(sessionId, actorId);
  }

  /** Dated text added to a signed note; before signing, edit the draft instead. */
  async addAddendum(sessionId: string, actorId: string, input: AddendumDto): Promise<AddendumView> {
    const viewer = await this.access.requireClinician(sessionId, actorId);
    const subjectUserId = input.userId ?? null;
    if (subjectUserId) await this.requireMember(viewer, subjectUserId);
    const addendum = await this.transactions.run(async (tx) => {
      if (!(await this.notes.lockSignature(viewer.session.id, tx))) {
        throw new ConflictError(
          'note_not_signed',
          'These notes are still a draft: edit them; addenda follow signing',
        );
      }
      const added = await this.notes.addAddendum(
        {
          sessionId: viewer.session.id,
          subjectUserId,
          content: input.content,
          authorId: actorId,
          createdAt: this.clock.now(),
        },
        tx,
      );
      await this.audit.record(
        {
          organizationId: viewer.group.organizationId,
          actorId,
          action: 'create',
          resourceType: subjectUserId ? 'member_note_addendum' : 'group_note_addendum',
          resourceId: viewer.session.id,
          subjectUserIds: subjectUserId ? [subjectUserId] : [],
        },
        tx,
      );
      return added;
    });
    return addendumView(addendum);
  }

  /** A note is about someone who holds (or held) a place in the group. */
  private async requireMember({ session }: SessionViewer, userId: string): Promise<void> {
    const { standing } = await this.access.relation(session.id, userId);
    if (!standing.enrollmentStatus) {
      throw new NotFoundError('member_not_found', 'No such member of this group');
    }
  }
}

const addendumView = (a: NoteAddendum): AddendumView => ({
  id: a.id,
  content: a.content,
  authorId: a.authorId,
  createdAt: a.createdAt,
});

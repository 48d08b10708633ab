import { CURRICULUM_TEMPLATES, findTemplate } from './templates.js';

describe('CURRICULUM_TEMPLATES', () => {
  it('offers cbt-depression-8 and mbct-8 with eight modules each', () => {
    expect(CURRICULUM_TEMPLATES.map((t) => [t.key, t.modules.length])).toEqual([
      ['cbt-depression-8', 8],
      ['mbct-8', 8],
    ]);
  });

  it.each(CURRICULUM_TEMPLATES.map((t) => [t.key, t] as const))(
    'gives every module of %s an agenda that adds up to the session length',
    (_key, template) => {
      for (const module of template.modules) {
        const minutes = module.agenda.reduce((sum, item) => sum + item.minutes, 0);
        expect({ module: module.title, minutes }).toEqual({
          module: module.title,
          minutes: template.sessionMinutes,
        });
        expect(module.goals.length).toBeGreaterThan(0);
        expect(module.homework.length).toBeGreaterThan(0);
      }
    },
  );

  it('covers the published structure of each program', () => {
    const titles = (key: string) =>
      findTemplate(key)!
        .modules.map((m) => m.title.toLowerCase())
        .join(' | ');
    expect(titles('cbt-depression-8')).toMatch(
      /activity[\s\S]*thought[\s\S]*problem[\s\S]*(relapse|staying well)/,
    );
    expect(titles('mbct-8')).toMatch(/automatic pilot[\s\S]*thoughts are not facts/);
    const mbctText = JSON.stringify(findTemplate('mbct-8')!.modules).toLowerCase();
    expect(mbctText).toContain('body scan');
    expect(mbctText).toContain('breathing space');
  });
});

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { useApi } from './support/hearth.js';

const root = join(import.meta.dirname, '..');

describe('npm run seed:demo (e2e)', () => {
  const hearth = useApi('seed_demo');

  const seed = () =>
    spawnSync(process.execPath, [join(root, 'dist/tools/seed-demo.js')], {
      env: { PATH: process.env.PATH ?? '', ...hearth.env.env },
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('creates a therapist, eight participants and a CBT group starting in a few minutes', async () => {
    const run = seed();
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('therapist@demo.hearth.example');

    const { http } = hearth.api;
    const login = await http.post('/auth/login', {
      email: 'therapist@demo.hearth.example',
      password: 'hearth-demo-password',
    });
    expect(login.status).toBe(200);
    const token = login.body.accessToken;
    const [membership] = (await http.get('/me', token)).body.memberships;

    // Find the group through its roster: eight active participants who consented.
    const curricula = await http.get(
      `/organizations/${membership.organizationId}/curricula`,
      token,
    );
    expect(curricula.body.items[0].templateKey).toBe('cbt-depression-8');
    const participant = await http.post('/auth/login', {
      email: 'participant3@demo.hearth.example',
      password: 'hearth-demo-password',
    });
    expect(participant.status).toBe(200);
    const feed = (await http.get('/me/calendar-feed', participant.body.accessToken)).body.url;
    const ics = await (
      await fetch(feed.replace(/^https?:\/\/[^/]+/, http.baseUrl.replace('/api/v1', '')))
    ).text();
    const starts = [...ics.matchAll(/DTSTART:(\d{8}T\d{6}Z)/g)].map((m) =>
      Date.parse(
        m[1].replace(/(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z/, '$1-$2-$3T$4:$5:$6Z'),
      ),
    );
    expect(starts).toHaveLength(8);
    const minutesAway = (Math.min(...starts) - Date.now()) / 60_000;
    expect(minutesAway).toBeGreaterThan(5);
    expect(minutesAway).toBeLessThan(20);

    // Running it again changes nothing.
    const again = seed();
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('already there');
  });
});

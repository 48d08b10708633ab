import { NotFoundError, RateLimitedError } from '#common';
import type { GroupAccess } from '#groups';
import type { PostRepository, PostRow } from '../posts/post.repository.js';
import type { CommunityEvent, CommunityEvents } from './community-events.js';
import {
  CommunityStreamService,
  MAX_STREAMS_PER_USER,
  MAX_UNREAD_BYTES,
  type StreamSink,
} from './community-stream.service.js';

const row: PostRow = {
  id: 'p1',
  groupId: 'g1',
  parentId: null,
  authorId: 'writer',
  authorName: 'Ana',
  anonymous: true,
  body: 'hello',
  contentWarning: null,
  status: 'visible',
  heldReasons: [],
  pinnedAt: null,
  createdAt: new Date(0),
  replyCount: 0,
};

function fakeSink() {
  const closeListeners: (() => void)[] = [];
  const sink = {
    chunks: [] as string[],
    unreadBytes: 0,
    closed: false,
    write(chunk: string) {
      sink.chunks.push(chunk);
    },
    end() {
      sink.closed = true;
      closeListeners.forEach((listener) => listener());
    },
    onClose(listener: () => void) {
      closeListeners.push(listener);
    },
  };
  return sink satisfies StreamSink;
}

function setUp() {
  let member = true;
  const listeners = new Set<(event: CommunityEvent) => void>();
  const access = {
    requireViewer: async () => {
      if (!member) throw new NotFoundError('group_not_found', 'No such group');
      return { group: { id: 'g1' }, role: 'member', clinician: false };
    },
  } as unknown as GroupAccess;
  const seen: { row: PostRow | null } = { row };
  const posts = {
    findVisible: async () => seen.row,
    memberSawBefore: async () => false,
  } as unknown as PostRepository;
  const events = {
    subscribe: async (_groupId: string, listener: (event: CommunityEvent) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as CommunityEvents;
  const service = new CommunityStreamService(access, posts, events);
  const emit = async (event: Partial<CommunityEvent> = {}) => {
    listeners.forEach((l) => l({ type: 'post', groupId: 'g1', postId: 'p1', ...event }));
    await new Promise((resolve) => setTimeout(resolve, 10));
  };
  return { service, listeners, emit, seen, withdraw: () => (member = false) };
}

describe('CommunityStreamService', () => {
  it('sends a post without the anonymous author, and stops once the viewer lost access', async () => {
    const { service, listeners, emit, withdraw } = setUp();
    const sink = fakeSink();
    await service.open('g1', 'reader', () => sink);
    await emit();
    expect(sink.chunks.join('')).toContain('event: post');
    expect(sink.chunks.join('')).not.toContain('writer');
    withdraw();
    const before = sink.chunks.length;
    await emit();
    expect(sink.chunks).toHaveLength(before);
    expect(sink.closed).toBe(true);
    expect(listeners.size).toBe(0);
  });

  it('lets go of a client that stopped reading, without writing more to it', async () => {
    const { service, listeners, emit } = setUp();
    const sink = fakeSink();
    await service.open('g1', 'reader', () => sink);
    sink.unreadBytes = MAX_UNREAD_BYTES + 1;
    const before = sink.chunks.length;
    await emit();
    expect(sink.chunks).toHaveLength(before);
    expect(sink.closed).toBe(true);
    expect(listeners.size).toBe(0);
  });

  it('cleans up a client that went away while its access was checked', async () => {
    const { service, listeners } = setUp();
    const sink = fakeSink();
    sink.closed = true;
    await service.open('g1', 'reader', () => sink);
    expect(listeners.size).toBe(0);
    expect(sink.chunks).toEqual([]);
  });

  it('refuses more than a few streams per person, and counts closed ones out', async () => {
    const { service } = setUp();
    const sinks = [];
    for (let i = 0; i < MAX_STREAMS_PER_USER; i++) {
      const sink = fakeSink();
      await service.open('g1', 'reader', () => sink);
      sinks.push(sink);
    }
    await expect(service.open('g1', 'reader', fakeSink)).rejects.toBeInstanceOf(RateLimitedError);
    await service.open('g1', 'someone-else', fakeSink);
    sinks[0].end();
    await service.open('g1', 'reader', fakeSink);
  });

  it('ends every open stream when the api shuts down, so it does not wait for clients', async () => {
    const { service, listeners } = setUp();
    const sinks = [fakeSink(), fakeSink()];
    for (const sink of sinks) await service.open('g1', 'reader', () => sink);
    service.onModuleDestroy();
    expect(sinks.map((sink) => sink.closed)).toEqual([true, true]);
    expect(listeners.size).toBe(0);
  });

  it('ends a stream that opens while the api shuts down, and holds on to nothing', async () => {
    const { service, listeners } = setUp();
    const early = fakeSink();
    // Shut down while this stream is still subscribing: it is answered and ended at once.
    const opening = service.open('g1', 'reader', () => early);
    service.onModuleDestroy();
    await opening;
    expect(early.closed).toBe(true);
    // Opened after the shutdown began: answered and ended too.
    const late = fakeSink();
    await service.open('g1', 'reader', () => late);
    expect(late.closed).toBe(true);
    expect(listeners.size).toBe(0);
  });

  it("tells a member nothing of a post's moderation they could never see", async () => {
    const { service, emit, seen } = setUp();
    const sink = fakeSink();
    await service.open('g1', 'reader', () => sink);
    seen.row = null;
    await emit({ type: 'moderation', action: 'hide', from: 'held' });
    expect(sink.chunks.join('')).not.toContain('p1');
  });
});

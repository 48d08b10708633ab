import type { GroupAccess } from '#groups';
import type { SessionAccess } from '#sessions';
import type { ParticipantInfo } from 'livekit-server-sdk';
import type { RoomChatRepository } from './room-chat.repository.js';
import { RoomChatService } from './room-chat.service.js';
import type { VideoService } from './video.service.js';

/**
 * The switch against a LiveKit stand-in whose calls can be held: what two facilitators switching
 * at once leave behind, without a server to make the timing happen by chance.
 */
describe(RoomChatService.name, () => {
  const sessionId = '00000000-0000-4000-8000-000000000001';
  const group = { id: 'group' };

  function setUp() {
    let stored = true;
    const room = { chat: true, member: true };
    const held: (() => void)[] = [];
    let holdNext = false;
    const video = {
      available: true,
      async listParticipants() {
        if (holdNext) {
          holdNext = false;
          await new Promise<void>((release) => held.push(release));
        }
        return [
          { identity: 'member', permission: { canPublishData: room.member } } as ParticipantInfo,
        ];
      },
      async setDataPublishing(_room: string, _participant: ParticipantInfo, allowed: boolean) {
        room.member = allowed;
      },
      async mergeRoomMetadata(_room: string, patch: { chat: boolean }) {
        room.chat = patch.chat;
      },
    };
    const service = new RoomChatService(
      {
        requireFacilitator: async () => ({ session: { id: sessionId, status: 'live' }, group }),
      } as unknown as SessionAccess,
      { roleOf: async () => 'participant' } as unknown as GroupAccess,
      {
        setChatEnabled: async (_id: string, enabled: boolean) => {
          stored = enabled;
        },
        chatEnabled: async () => stored,
      } as unknown as RoomChatRepository,
      video as unknown as VideoService,
    );
    return {
      service,
      room,
      stored: () => stored,
      /** The next listing of the room waits until `release` is called. */
      hold: () => {
        holdNext = true;
      },
      release: () => held.splice(0).forEach((go) => go()),
    };
  }

  it('leaves the room as stored when a slower switch finishes after a later one', async () => {
    const { service, room, stored, hold, release } = setUp();
    hold();
    const slowOff = service.setChat(sessionId, 'facilitator', false);
    await new Promise((resolve) => setImmediate(resolve));
    // A co-facilitator switches it back on while the first switch is still talking to LiveKit.
    await service.setChat(sessionId, 'co-facilitator', true);
    expect(room).toEqual({ chat: true, member: true });
    release();
    await slowOff;
    expect(stored()).toBe(true);
    expect(room).toEqual({ chat: true, member: true });
  });

  it('refuses a session that is over', async () => {
    const { service } = setUp();
    Object.assign(service, {
      access: {
        requireFacilitator: async () => ({ session: { id: sessionId, status: 'ended' }, group }),
      },
    });
    await expect(service.setChat(sessionId, 'facilitator', false)).rejects.toMatchObject({
      code: 'session_not_running',
    });
  });
});

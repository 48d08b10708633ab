import * as curricula from '../curricula/strings';
import * as directory from '../directory/strings';
import * as groups from '../groups/strings';
import * as measures from '../measures/strings';
import * as me from '../me/strings';
import * as org from '../org/strings';
import * as record from '../record/strings';
import * as library from '../resources/strings';
import * as room from '../room/strings';
import * as sideRoom from '../side-room/strings';
import * as space from '../space/strings';
import * as webinars from '../webinars/strings';
import { bn } from './bn';
import { en } from './en';
import { id } from './id';

/**
 * Every string, by language and namespace: `translation` (shared words) plus one namespace per
 * feature, used as `useTranslation('groups')`.
 */
export const resources = {
  en: {
    translation: en,
    curricula: curricula.en,
    directory: directory.en,
    groups: groups.en,
    me: me.en,
    measures: measures.en,
    org: org.en,
    record: record.en,
    resources: library.en,
    room: room.en,
    sideRoom: sideRoom.en,
    space: space.en,
    webinars: webinars.en,
  },
  bn: {
    translation: bn,
    curricula: curricula.bn,
    directory: directory.bn,
    groups: groups.bn,
    me: me.bn,
    measures: measures.bn,
    org: org.bn,
    record: record.bn,
    resources: library.bn,
    room: room.bn,
    sideRoom: sideRoom.bn,
    space: space.bn,
    webinars: webinars.bn,
  },
  id: {
    translation: id,
    curricula: curricula.id,
    directory: directory.id,
    groups: groups.id,
    me: me.id,
    measures: measures.id,
    org: org.id,
    record: record.id,
    resources: library.id,
    room: room.id,
    sideRoom: sideRoom.id,
    space: space.id,
    webinars: webinars.id,
  },
};

import * as curricula from '../curricula/strings';
import * as groups from '../groups/strings';
import * as me from '../me/strings';
import * as org from '../org/strings';
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
    groups: groups.en,
    me: me.en,
    org: org.en,
    webinars: webinars.en,
  },
  bn: {
    translation: bn,
    curricula: curricula.bn,
    groups: groups.bn,
    me: me.bn,
    org: org.bn,
    webinars: webinars.bn,
  },
  id: {
    translation: id,
    curricula: curricula.id,
    groups: groups.id,
    me: me.id,
    org: org.id,
    webinars: webinars.id,
  },
};

import { useTranslation } from 'react-i18next';

/** What a session is called on screen: "Session 3: Title" in a program group, "Meeting 3" otherwise. */
export function useSessionName(): (session: {
  sequence: number;
  moduleTitle: string | null;
}) => string {
  const { t } = useTranslation('groups');
  return ({ sequence, moduleTitle }) =>
    moduleTitle === null
      ? t('meetingTitle', { sequence })
      : t('sessionTitle', { sequence, title: moduleTitle });
}

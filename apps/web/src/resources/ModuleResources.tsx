import './resources.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button, CheckboxGroup, Form, Label, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { ok } from '../api/result';
import { CheckField } from '../ui/DateFields';
import { Problem } from '../ui/Problem';
import { library } from './keys';
import { ResourceItem } from './ResourceItem';
import { useLibrary } from './useLibrary';

/**
 * A curriculum module's resources, in the curriculum's module view: what is attached, and for
 * curators a choice from the library (kept in the order chosen). Every group on any version of
 * the program shows them for the session that holds this module.
 */
export function ModuleResources({
  curriculumId,
  organizationId,
  index,
}: {
  curriculumId: string;
  /** The curriculum's organization: its library is the one to choose from. */
  organizationId: string;
  index: number;
}) {
  const { t } = useTranslation('resources');
  const { t: common } = useTranslation();
  const org = useLibrary(organizationId);
  const [choosing, setChoosing] = useState(false);
  const attached = useQuery({
    queryKey: library.module(curriculumId, index),
    queryFn: () =>
      ok(
        api.GET('/api/v1/curricula/{curriculumId}/modules/{index}/resources', {
          params: { path: { curriculumId, index } },
        }),
      ),
  });
  const titleId = `module-${index}-resources`;
  return (
    <section className="module-resources" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('moduleResources')}</h3>
      {attached.isPending && <p>{common('loading')}</p>}
      {attached.isError && <Problem error={attached.error} />}
      {attached.data && attached.data.items.length === 0 && (
        <p className="hint">{t('moduleResourcesNone')}</p>
      )}
      {attached.data && attached.data.items.length > 0 && (
        <ul className="resource-list compact">
          {attached.data.items.map((item) => (
            <ResourceItem key={item.id} item={item} headingLevel={4} />
          ))}
        </ul>
      )}
      {org?.curator && attached.data && !choosing && (
        <Button className="secondary" onPress={() => setChoosing(true)}>
          {t('chooseResources')}
        </Button>
      )}
      {org?.curator && attached.data && choosing && (
        <Chooser
          curriculumId={curriculumId}
          index={index}
          orgId={org.organizationId}
          initial={attached.data.items.map((item) => item.id)}
          onDone={() => setChoosing(false)}
        />
      )}
    </section>
  );
}

function Chooser(props: {
  curriculumId: string;
  index: number;
  orgId: string;
  initial: string[];
  onDone(): void;
}) {
  const { t } = useTranslation('resources');
  const { t: common } = useTranslation();
  const queries = useQueryClient();
  const [chosen, setChosen] = useState<string[]>(props.initial);
  const [saved, setSaved] = useState(false);
  const all = useQuery({
    queryKey: library.list(props.orgId, { limit: '200' }),
    queryFn: () =>
      ok(
        api.GET('/api/v1/organizations/{orgId}/resources', {
          params: { path: { orgId: props.orgId }, query: { limit: 200 } },
        }),
      ),
  });
  const save = useMutation({
    mutationFn: (resourceIds: string[]) =>
      ok(
        api.PUT('/api/v1/curricula/{curriculumId}/modules/{index}/resources', {
          params: { path: { curriculumId: props.curriculumId, index: props.index } },
          body: { resourceIds },
        }),
      ),
    onSuccess: async (list) => {
      queries.setQueryData(library.module(props.curriculumId, props.index), list);
      // Sessions that hold this module show the new list.
      await queries.invalidateQueries({ queryKey: ['sessions'] });
      setSaved(true);
      props.onDone();
    },
  });
  if (all.isPending) return <p>{common('loading')}</p>;
  if (all.isError) return <Problem error={all.error} />;
  if (all.data.items.length === 0) return <p className="hint">{t('libraryEmptyForModule')}</p>;
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    save.mutate(chosen);
  }
  return (
    <Form className="resource-chooser" onSubmit={submit}>
      <CheckboxGroup
        value={chosen}
        // Newly ticked ones go last: the order chosen is the order members see.
        onChange={(next) =>
          setChosen([
            ...chosen.filter((id) => next.includes(id)),
            ...next.filter((id) => !chosen.includes(id)),
          ])
        }
        className="choice"
      >
        <Label>{t('chooseResources')}</Label>
        <Text slot="description" className="hint">
          {t('chooseResourcesHelp')}
        </Text>
        {all.data.items.map((item) => (
          <CheckField
            key={item.id}
            value={item.id}
            label={item.title}
            help={t(`kind_${item.kind}`)}
          />
        ))}
      </CheckboxGroup>
      {save.error && <Problem error={save.error} />}
      {saved && <p role="status">{t('resourcesSaved')}</p>}
      <div className="actions">
        <Button type="submit" className="primary" isDisabled={save.isPending}>
          {t('saveResources')}
        </Button>
        <Button className="secondary" onPress={props.onDone}>
          {t('cancel')}
        </Button>
      </div>
    </Form>
  );
}

import './resources.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button, FieldError, Form, Label, Text, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, type Schemas } from '../api/client';
import { ApiError, ok } from '../api/result';
import { Field } from '../ui/Field';
import { isUuid } from '../ui/ids';
import { languageName } from '../ui/languageName';
import { Problem } from '../ui/Problem';
import { library } from './keys';
import {
  KINDS,
  type Kind,
  orgQuery,
  RESOURCE_LANGUAGES,
  URL_KINDS,
  useLibrary,
} from './useLibrary';

type Resource = Schemas['ResourceView'];

/** The api's limits, so the form stops what the api would refuse. */
const TITLE_MAX = 200;
const BODY_MAX = 20_000;
const URL_MAX = 2000;
const FIELDS = ['title', 'kind', 'language', 'url', 'body', 'tags'] as const;
type FieldName = (typeof FIELDS)[number];

/** `/resources/new`: a curator adds a resource to the organization's library. */
export function NewResource() {
  return <ResourceEditor />;
}

/** `/resources/:resourceId/edit`: a curator changes one. */
export function EditResource() {
  const { t } = useTranslation('resources');
  const { t: common } = useTranslation();
  const { resourceId = '' } = useParams();
  const valid = isUuid(resourceId);
  const resource = useQuery({
    queryKey: library.one(resourceId),
    enabled: valid,
    queryFn: () =>
      ok(api.GET('/api/v1/resources/{resourceId}', { params: { path: { resourceId } } })),
  });
  if (!valid || (resource.error instanceof ApiError && resource.error.status === 404)) {
    return <p className="card">{t('notFound')}</p>;
  }
  if (resource.isError) return <Problem error={resource.error} />;
  if (!resource.data) return <p>{common('loading')}</p>;
  return <ResourceEditor resource={resource.data} />;
}

function ResourceEditor({ resource }: { resource?: Resource }) {
  const { t, i18n } = useTranslation('resources');
  const [params] = useSearchParams();
  // A resource is changed in its own organization; a new one goes where the library link said.
  const org = useLibrary(resource?.organizationId ?? params.get('org'));
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [kind, setKind] = useState<Kind>(resource?.kind ?? 'article');
  // Fields changed since the api named them: their error goes as the person types, so nothing
  // on the form moves under their finger when they press Save again.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const save = useMutation({
    mutationFn: (body: Schemas['CreateResourceDto']) =>
      resource
        ? ok(
            api.PATCH('/api/v1/resources/{resourceId}', {
              params: { path: { resourceId: resource.id } },
              body: { ...body, url: body.url ?? null, body: body.body ?? null },
            }),
          )
        : ok(
            api.POST('/api/v1/organizations/{orgId}/resources', {
              params: { path: { orgId: org?.organizationId ?? '' } },
              body,
            }),
          ),
    onSuccess: async (saved) => {
      queries.setQueryData(library.one(saved.id), saved);
      await queries.invalidateQueries({ queryKey: library.list(saved.organizationId) });
      void navigate(`/resources/${saved.id}`);
    },
  });
  if (!(resource ? resource.canEdit : org?.curator)) {
    return <p className="card">{t('noOrganization')}</p>;
  }

  const refusal = save.error instanceof ApiError ? save.error : null;
  // The api names the field; the words are ours, in the reader's language.
  const named = new Set(
    (refusal?.fields ?? [])
      .map((f) => f.field.split(/[.[]/)[0] ?? '')
      .filter((f): f is FieldName => (FIELDS as readonly string[]).includes(f))
      .filter((f) => !edited.has(f)),
  );
  const fieldErrors = Object.fromEntries([...named].map((f) => [f, t(`error_${f}`)]));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setEdited(new Set());
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    save.mutate({
      title: text('title'),
      kind,
      language: text('language'),
      tags: text('tags')
        .split(/[,،]/)
        .map((tag) => tag.trim())
        .filter(Boolean),
      url: text('url') || undefined,
      body: String(form.get('body') ?? '').trim() ? String(form.get('body')) : undefined,
    });
  }

  const needsUrl = URL_KINDS.includes(kind);
  const heading = resource ? t('editTitle', { title: resource.title }) : t('newTitle');
  return (
    <section className="card resources-form">
      <p className="crumb">
        <Link
          to={
            resource
              ? `/resources/${resource.id}`
              : `/resources${org ? orgQuery(org.organizationId) : ''}`
          }
        >
          {resource ? t('cancel') : t('backToLibrary')}
        </Link>
      </p>
      <h1>{heading}</h1>
      <Form
        onSubmit={submit}
        validationErrors={fieldErrors}
        // The api checks every field and the words come from us, in the reader's language; the
        // browser's own check would block a corrected field still marked with the api's error.
        validationBehavior="aria"
        aria-label={heading}
      >
        <div
          className="resource-fields"
          onChange={(event: FormEvent<HTMLDivElement>) => {
            const name = (event.target as HTMLInputElement).name;
            if (name && !edited.has(name)) setEdited(new Set([...edited, name]));
          }}
        >
          <Field
            name="title"
            label={t('title')}
            isRequired
            maxLength={TITLE_MAX}
            defaultValue={resource?.title}
          />
          <div className="field">
            <label htmlFor="resource-form-kind">{t('kind')}</label>
            <select
              id="resource-form-kind"
              name="kind"
              value={kind}
              onChange={(event) => setKind(event.target.value as Kind)}
              aria-invalid={named.has('kind') || undefined}
            >
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kind_${k}`)}
                </option>
              ))}
            </select>
            {named.has('kind') && <span className="field-error">{t('error_kind')}</span>}
          </div>
          <div className="field">
            <label htmlFor="resource-form-language">{t('language')}</label>
            <select
              id="resource-form-language"
              name="language"
              defaultValue={resource?.language ?? i18n.resolvedLanguage ?? 'en'}
              aria-invalid={named.has('language') || undefined}
            >
              {RESOURCE_LANGUAGES.map((code) => (
                <option key={code} value={code}>
                  {languageName(code, i18n.resolvedLanguage)}
                </option>
              ))}
            </select>
            {named.has('language') && <span className="field-error">{t('error_language')}</span>}
          </div>
          <Field
            name="url"
            // Text, not type="url": the api's check, explained in the reader's language, decides.
            inputMode="url"
            label={t('url')}
            help={t('urlHelp')}
            isRequired={needsUrl}
            maxLength={URL_MAX}
            defaultValue={resource?.url ?? ''}
          />
          <TextField
            name="body"
            className="field"
            maxLength={BODY_MAX}
            defaultValue={resource?.body ?? ''}
          >
            <Label>{t('body')}</Label>
            <TextArea rows={needsUrl ? 4 : 12} />
            <Text slot="description">{t('bodyHelp')}</Text>
            <FieldError />
          </TextField>
          <Field
            name="tags"
            label={t('tagsLabel')}
            help={t('tagsHelp')}
            defaultValue={resource?.tags.join(', ')}
          />
        </div>
        {refusal && named.size === 0 && <Problem error={refusal} />}
        {save.error && !refusal && <Problem error={save.error} />}
        <Button type="submit" className="primary" isDisabled={save.isPending}>
          {t('save')}
        </Button>
      </Form>
    </section>
  );
}

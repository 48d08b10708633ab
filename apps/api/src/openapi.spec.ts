import type { OpenAPIObject, ResponsesObject } from '@nestjs/swagger';
import { buildOpenApiDocumentOffline, undescribedAnswers } from './openapi.js';

const documentWith = (responses: ResponsesObject): OpenAPIObject => ({
  openapi: '3.0.0',
  info: { title: 'test', version: '1' },
  paths: { '/things': { post: { responses } } },
});
const json = { content: { 'application/json': { schema: { type: 'object' } } } };

describe('undescribedAnswers', () => {
  it('accepts a 2xx answer with a schema, and a 204 without a body', () => {
    expect(undescribedAnswers(documentWith({ 201: { description: '', ...json } }))).toEqual([]);
    expect(undescribedAnswers(documentWith({ 204: { description: '' } }))).toEqual([]);
  });

  it('names an operation whose answer has no schema', () => {
    expect(undescribedAnswers(documentWith({ 201: { description: '' } }))).toEqual([
      'POST /things (201)',
    ]);
    expect(
      undescribedAnswers(
        documentWith({ 200: { description: '', content: { 'application/json': {} } } }),
      ),
    ).toEqual(['POST /things (200)']);
  });

  it('names an operation that declares no success answer', () => {
    expect(undescribedAnswers(documentWith({ '4XX': { description: '', ...json } }))).toEqual([
      'POST /things (no 2xx answer)',
    ]);
  });
});

describe('buildOpenApiDocumentOffline', () => {
  it("describes the answer of every one of the api's operations, without a database", async () => {
    const document = await buildOpenApiDocumentOffline();
    expect(Object.keys(document.paths)).toContain('/api/v1/groups/{groupId}/sessions');
    expect(undescribedAnswers(document)).toEqual([]);
  });
});

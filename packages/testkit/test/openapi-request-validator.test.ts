import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createOpenApiRequestValidator,
  loadSharedSpec,
  type OpenApiDocument,
  responseExample,
  sharedDirEnvVar,
  sharedSpecPath,
} from '../src';

const twilio = loadSharedSpec('twilio/twilio_api_v2010.json');
const discord = loadSharedSpec('discord/openapi.json');
const messagesPath = '/2010-04-01/Accounts/{AccountSid}/Messages.json';
const executePath = '/webhooks/{webhook_id}/{webhook_token}';

describe('loadSharedSpec', () => {
  const original = process.env[sharedDirEnvVar];
  afterEach(() => {
    if (original === undefined) delete process.env[sharedDirEnvVar];
    else process.env[sharedDirEnvVar] = original;
    vi.restoreAllMocks();
  });

  it('answers null, and says which file is missing, when the spec is absent', () => {
    const empty = mkdtempSync(join(tmpdir(), 'deal-scout-specs-'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      process.env[sharedDirEnvVar] = empty;
      expect(sharedSpecPath('twilio/twilio_api_v2010.json')).toBeNull();
      expect(loadSharedSpec('twilio/twilio_api_v2010.json')).toBeNull();
      expect(warn.mock.calls[0]?.[0]).toContain('specs/twilio/twilio_api_v2010.json');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('responseExample', () => {
  const spec: OpenApiDocument = {
    paths: {
      '/items': {
        get: {
          responses: {
            '200': { content: { 'application/json': { examples: { one: { value: { id: 'a' } } } } } },
          },
        },
      },
    },
    components: { schemas: {} },
  };

  it('returns a fresh copy of the first documented example', () => {
    const first = responseExample(spec, '/items', 'get', '200') as { id: string };
    expect(first).toEqual({ id: 'a' });
    first.id = 'changed';
    expect(responseExample(spec, '/items', 'get', '200')).toEqual({ id: 'a' });
  });

  it('throws when the operation documents no such example', () => {
    expect(() => responseExample(spec, '/items', 'get', '404')).toThrow(/no 404 example for GET \/items/);
  });
});

describe('createOpenApiRequestValidator', () => {
  const spec: OpenApiDocument = {
    paths: {
      '/things': {
        post: {
          requestBody: {
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['name'],
                  properties: {
                    name: { type: 'string', maxLength: 5 },
                    tag: { $ref: '#/components/schemas/Tag' },
                  },
                },
              },
            },
          },
          responses: {},
        },
      },
    },
    components: {
      schemas: { Tag: { type: 'object', properties: { label: { type: 'string', format: 'vendor-label' } } } },
    },
  };

  it('closes open object schemas, including referenced components', () => {
    const validator = createOpenApiRequestValidator(spec);
    expect(validator.json('/things', 'post', { name: 'lamp', tag: { label: 'x' } })).toEqual([]);
    expect(validator.json('/things', 'post', { name: 'lamp', colour: 'red' })).toEqual([
      '(body) has undocumented field colour',
    ]);
    expect(validator.json('/things', 'post', { name: 'lamp', tag: { label: 'x', size: 2 } })).toEqual([
      '/tag has undocumented field size',
    ]);
  });

  it('reports a missing required field and a broken limit', () => {
    const validator = createOpenApiRequestValidator(spec);
    expect(validator.json('/things', 'post', {}).join('\n')).toMatch(/required property 'name'/);
    expect(validator.json('/things', 'post', { name: 'chandelier' }).join('\n')).toMatch(/5 characters/);
  });

  it('throws for an operation without a body of that content type', () => {
    const validator = createOpenApiRequestValidator(spec);
    expect(() => validator.json('/things', 'get', {})).toThrow(/no application\/json request body/);
    expect(() => validator.form('/things', 'post', new URLSearchParams())).toThrow(
      /no application\/x-www-form-urlencoded request body for POST \/things/,
    );
  });
});

describe.skipIf(twilio === null)('createOpenApiRequestValidator on the Twilio CreateMessage form', () => {
  const validator = twilio ? createOpenApiRequestValidator(twilio) : null;

  it('accepts a documented form and coerces declared integers', () => {
    const form = new URLSearchParams({ To: '+14155550123', Body: 'Deal found', ValidityPeriod: '600' });
    form.append('MediaUrl', 'https://example.com/a.jpg');
    form.append('MediaUrl', 'https://example.com/b.jpg');
    expect(validator!.form(messagesPath, 'post', form)).toEqual([]);
  });

  it('rejects a form missing the required To', () => {
    const problems = validator!.form(messagesPath, 'post', new URLSearchParams({ Body: 'Deal found' }));
    expect(problems).toEqual(["(body) must have required property 'To'"]);
  });

  it('rejects undocumented, mistyped and repeated scalar fields', () => {
    const form = new URLSearchParams({ To: '+14155550123', Priority: 'high', ValidityPeriod: 'soon' });
    form.append('Body', 'one');
    form.append('Body', 'two');
    const problems = validator!.form(messagesPath, 'post', form).join('\n');
    expect(problems).toMatch(/Body is repeated but is not an array/);
    expect(problems).toMatch(/undocumented field Priority/);
    expect(problems).toMatch(/\/ValidityPeriod must be integer/);
  });
});

describe.skipIf(discord === null)('createOpenApiRequestValidator on the Discord execute-webhook JSON', () => {
  const validator = discord ? createOpenApiRequestValidator(discord) : null;

  it('accepts a documented body and rejects an undocumented field and a too-long embed title', () => {
    expect(
      validator!.json(executePath, 'post', { content: 'Deal found', embeds: [{ title: 'Lamp' }] }),
    ).toEqual([]);
    expect(validator!.json(executePath, 'post', { content: 'x', priority: 'high' })).toContain(
      '(body) has undocumented field priority',
    );
    expect(validator!.json(executePath, 'post', { embeds: [{ title: 'x'.repeat(257) }] }).join()).toMatch(
      /256/,
    );
  });
});

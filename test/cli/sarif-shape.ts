import Ajv from 'ajv';
import { readFileSync } from 'node:fs';

// Two schemas check our SARIF: the official SARIF 2.1.0 (rtm.5) JSON schema, which the dev dependency
// @microsoft/jest-sarif ships (tests run offline), and this stricter one, which pins what code-scanning consumers
// rely on and we emit (required properties, 1-based regions, no stray region keys).

/**
 * The official schema, read as draft-07: it declares draft-04, whose only construct it uses that draft-07 spells
 * differently is the top-level `id` (no boolean exclusiveMinimum/Maximum appear in it).
 */
export function officialSarifSchema(): object {
  const path = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const { id, $schema: _draft04, ...rest } = schema;
  return { $schema: 'http://json-schema.org/draft-07/schema#', $id: id, ...rest };
}

const message = { type: 'object', required: ['text'], properties: { text: { type: 'string' }, markdown: { type: 'string' } } };
const region = {
  type: 'object',
  required: ['startLine'],
  additionalProperties: false,
  properties: {
    startLine: { type: 'integer', minimum: 1 },
    startColumn: { type: 'integer', minimum: 1 },
    endLine: { type: 'integer', minimum: 1 },
    endColumn: { type: 'integer', minimum: 1 },
  },
};
const artifactLocation = { type: 'object', required: ['uri'], properties: { uri: { type: 'string', format: 'uri-reference' } } };
const location = {
  type: 'object',
  properties: {
    id: { type: 'integer', minimum: 0 },
    physicalLocation: { type: 'object', required: ['artifactLocation'], properties: { artifactLocation, region } },
    message,
  },
};
const level = { enum: ['none', 'note', 'warning', 'error'] };

export const sarifShapeSchema = {
  type: 'object',
  required: ['version', 'runs'],
  properties: {
    $schema: { type: 'string' },
    version: { const: '2.1.0' },
    runs: {
      type: 'array',
      items: {
        type: 'object',
        required: ['tool'],
        properties: {
          columnKind: { enum: ['utf16CodeUnits', 'unicodeCodePoints'] },
          tool: {
            type: 'object',
            required: ['driver'],
            properties: {
              driver: {
                type: 'object',
                required: ['name'],
                properties: {
                  name: { type: 'string' },
                  version: { type: 'string' },
                  informationUri: { type: 'string' },
                  rules: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['id'],
                      properties: {
                        id: { type: 'string' },
                        name: { type: 'string' },
                        shortDescription: message,
                        fullDescription: message,
                        help: message,
                        helpUri: { type: 'string', format: 'uri' },
                        defaultConfiguration: { type: 'object', properties: { level } },
                      },
                    },
                  },
                },
              },
            },
          },
          results: {
            type: 'array',
            items: {
              type: 'object',
              required: ['message'],
              properties: {
                ruleId: { type: 'string' },
                ruleIndex: { type: 'integer', minimum: -1 },
                level,
                message,
                locations: { type: 'array', items: location },
                relatedLocations: { type: 'array', items: location },
                partialFingerprints: { type: 'object', additionalProperties: { type: 'string' } },
                fixes: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['artifactChanges'],
                    properties: {
                      description: message,
                      artifactChanges: {
                        type: 'array',
                        minItems: 1,
                        items: {
                          type: 'object',
                          required: ['artifactLocation', 'replacements'],
                          properties: {
                            artifactLocation,
                            replacements: {
                              type: 'array',
                              minItems: 1,
                              items: {
                                type: 'object',
                                required: ['deletedRegion'],
                                properties: { deletedRegion: region, insertedContent: { type: 'object', properties: { text: { type: 'string' } } } },
                              },
                            },
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
} as const;

/** ajv errors as readable strings (empty = valid). Formats `uri`/`uri-reference` are checked by a small regex. */
export function validateWithAjv(schema: object, data: unknown): string[] {
  // unicodeRegExp off: the official schema's `language` pattern is not valid under the `u` flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:[^\s]*$/i);
  ajv.addFormat('uri-reference', /^[^\s\\]*$/);
  const validate = ajv.compile(schema);
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

import { parseDocument } from 'yaml';
import { fromJs, str, toJs, unknown, type TfValue } from '../value';
import { asString, fn, FunctionError, type TfFunction } from './function-kit';

// JSON/YAML/base64 encodings and file(): the file reader comes from the caller; the model never reads disk.

function jsonencode(v: TfValue): string {
  // Go's encoder escapes HTML-significant characters; Terraform inherits that
  return JSON.stringify(toJs(v)).replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

function jsondecode(text: string): TfValue {
  try {
    return fromJs(JSON.parse(text));
  } catch (e) {
    throw new FunctionError((e as Error).message);
  }
}

function yamldecode(text: string): TfValue {
  if (text.trim() === '') throw new FunctionError('on line 1, column 1: missing start of document');
  const doc = parseDocument(text, { version: '1.1', uniqueKeys: false });
  const error = doc.errors[0];
  if (error) {
    const multi = error.code === 'MULTIPLE_DOCS' || /multiple documents|Source contains multiple/i.test(error.message);
    throw new FunctionError(multi ? 'unexpected extra content after value' : error.message);
  }
  return fromJs(doc.toJS({ maxAliasCount: 100 }));
}

function base64decode(text: string): string {
  const decoded = /^[A-Za-z0-9+/]*={0,2}$/.test(text) && text.length % 4 === 0 ? Buffer.from(text, 'base64') : undefined;
  const utf8 = decoded?.toString('utf8');
  if (utf8 === undefined || utf8.includes('\uFFFD')) throw new FunctionError(`failed to decode base64 data ${JSON.stringify(text)}`);
  return utf8;
}

export const encodingFunctions: Record<string, TfFunction> = {
  jsonencode: fn(1, 1, ([v]) => str(jsonencode(v))),
  jsondecode: fn(1, 1, ([s]) => jsondecode(asString(s))),
  yamldecode: fn(1, 1, ([s]) => yamldecode(asString(s))),
  base64encode: fn(1, 1, ([s]) => str(Buffer.from(asString(s), 'utf8').toString('base64'))),
  base64decode: fn(1, 1, ([s]) => str(base64decode(asString(s)))),
  file: fn(1, 1, ([p], ctx) => {
    const path = asString(p);
    const text = ctx.readFile?.(path);
    return text === undefined ? unknown(`file ${JSON.stringify(path)} is not available to the model`) : str(text);
  }),
};

import { readFile } from 'node:fs/promises';
import type { Ed25519Jwk, Ed25519PublicKey } from '@cohesion/merkle';
import type {
  ConsistencyProofDocument,
  InclusionProofDocument,
  TreeHeadDocument,
} from '@cohesion/application';

/** A file that is not what the command needs: printed as is, exit code 1. */
export class FileError extends Error {}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new FileError(`cannot read ${file}: ${code ?? message}`);
  }
}

type Json = Record<string, unknown>;

async function readJsonObject(file: string): Promise<Json> {
  let value: unknown;
  try {
    value = JSON.parse(await readText(file));
  } catch (error) {
    if (error instanceof FileError) throw error;
    throw new FileError(`${file} is not JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new FileError(`${file} must hold a JSON object`);
  }
  return value as Json;
}

/** Field shapes only: the verifier itself checks every value (sizes, base64, lengths). */
function expectFields(file: string, json: Json, fields: Record<string, string>): void {
  for (const [field, type] of Object.entries(fields)) {
    const value = json[field];
    const ok =
      type === 'string[]'
        ? Array.isArray(value) && value.every((item) => typeof item === 'string')
        : type === 'object?'
          ? value === null || value === undefined || typeof value === 'object'
          : typeof value === type;
    if (!ok) throw new FileError(`${file}: "${field}" must be ${type.replace('?', ' or null')}`);
  }
}

export async function readTreeHead(file: string): Promise<TreeHeadDocument> {
  const json = await readJsonObject(file);
  expectFields(file, json, {
    treeSize: 'number',
    rootHash: 'string',
    timestamp: 'string',
    signature: 'string',
  });
  return json as unknown as TreeHeadDocument;
}

export async function readInclusionProof(file: string): Promise<InclusionProofDocument> {
  const json = await readJsonObject(file);
  expectFields(file, json, {
    eventId: 'string',
    eventHash: 'string',
    leafIndex: 'number',
    treeSize: 'number',
    proof: 'string[]',
    treeHead: 'object?',
  });
  return json as unknown as InclusionProofDocument;
}

export async function readConsistencyProof(file: string): Promise<ConsistencyProofDocument> {
  const json = await readJsonObject(file);
  expectFields(file, json, {
    oldSize: 'number',
    newSize: 'number',
    proof: 'string[]',
    oldTreeHead: 'object?',
    newTreeHead: 'object?',
  });
  return json as unknown as ConsistencyProofDocument;
}

/** An event as `GET /streams/:stream/events` serves it (one item of `events`). */
export async function readEvent(file: string): Promise<Json> {
  const json = await readJsonObject(file);
  expectFields(file, json, {
    id: 'string',
    stream: 'string',
    revision: 'string',
    type: 'string',
    data: 'object',
    metadata: 'object',
    prevHash: 'string',
  });
  return json;
}

/**
 * The ledger's public key as a partner may have saved it: a PEM file, the API's public-key
 * document (its `pem`), or a bare JWK.
 */
export async function readPublicKey(file: string): Promise<Ed25519PublicKey> {
  const text = (await readText(file)).trim();
  if (text.startsWith('-----BEGIN')) return text;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new FileError(`${file} is neither a PEM public key nor JSON`);
  }
  const document = (typeof json === 'object' && json !== null ? json : {}) as Json;
  if (typeof document.pem === 'string') return document.pem;
  if (document.kty === 'OKP') return document as unknown as Ed25519Jwk;
  throw new FileError(`${file} holds no public key (PEM, the API's public-key document, or a JWK)`);
}

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { environmentOf, parseDockerfile, stageNamed } from './dockerfile';

export const REPOSITORY = resolve(__dirname, '..', '..');
export const DOCKER_DIR = join(REPOSITORY, 'docker');
export const DOCKERFILE = join(DOCKER_DIR, 'Dockerfile');

/** The stage the image runs (`FROM node:… AS runtime`). */
export const runtimeStage = () =>
  stageNamed(parseDockerfile(readFileSync(DOCKERFILE, 'utf8')), 'runtime');

/** The part of a compose service these tests read; the rest is the compose file's business. */
export interface ComposeService {
  readonly image?: string;
  readonly build?: { readonly context: string; readonly dockerfile?: string };
  readonly environment?: Record<string, string | number | boolean>;
  readonly volumes?: readonly string[];
  readonly ports?: readonly string[];
  readonly depends_on?: Record<string, { readonly condition: string }>;
  readonly healthcheck?: { readonly test?: readonly string[]; readonly disable?: boolean };
}

export interface ComposeFile {
  readonly services: Record<string, ComposeService>;
  readonly volumes?: Record<string, unknown>;
}

/** A compose file of docker/, with its `<<:` merges applied as docker compose applies them. */
export const readCompose = (file: string): ComposeFile =>
  parse(readFileSync(join(DOCKER_DIR, file), 'utf8'), { merge: true }) as ComposeFile;

/**
 * Compose's variable interpolation: `${NAME}`, `${NAME:-default}`, `${NAME:?message}` (an error
 * when unset) and `$$` for a literal `$`.
 */
export function interpolate(value: string, variables: Record<string, string>): string {
  return value.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::([-?])([^}]*))?\}/g,
    (_match, name: string | undefined, operator: string | undefined, operand: string) => {
      if (name === undefined) return '$';
      const set = variables[name];
      if (set !== undefined && set !== '') return set;
      if (operator === '-') return operand;
      if (operator === '?') throw new Error(`${name}: ${operand}`);
      return '';
    },
  );
}

/** A service's environment as the container gets it, variables interpolated. */
export const environmentIn = (
  service: ComposeService,
  variables: Record<string, string>,
): Record<string, string> =>
  Object.fromEntries(
    Object.entries(service.environment ?? {}).map(([name, value]) => [
      name,
      interpolate(String(value), variables),
    ]),
  );

/** The API's settings in a container: the image's ENV, then the service's environment. */
export const apiSettingsIn = (service: ComposeService, variables: Record<string, string>) => ({
  ...environmentOf(runtimeStage()),
  ...environmentIn(service, variables),
});

/** `source:target[:mode]` of the short volume syntax. */
export function parseVolume(volume: string): { source: string; target: string; mode?: string } {
  const [source, target, mode] = volume.split(':');
  if (target === undefined) return { source: '', target: source };
  return { source, target, mode };
}

/** The services built from this repository's docker/Dockerfile. */
export const servicesBuiltFromDockerfile = (compose: ComposeFile): string[] =>
  Object.entries(compose.services)
    .filter(
      ([, service]) =>
        service.build !== undefined &&
        resolve(DOCKER_DIR, service.build.context) === REPOSITORY &&
        resolve(REPOSITORY, service.build.dockerfile ?? 'Dockerfile') === DOCKERFILE,
    )
    .map(([name]) => name);

/** The services running EventStoreDB. */
export const eventStoreNodes = (compose: ComposeFile): string[] =>
  Object.entries(compose.services)
    .filter(([, service]) => service.image?.startsWith('eventstore/eventstore:'))
    .map(([name]) => name);

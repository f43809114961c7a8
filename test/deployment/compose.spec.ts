import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LedgerConfig, validateLedgerConfig } from '@cohesion/application';
import {
  apiSettingsIn,
  type ComposeFile,
  DOCKER_DIR,
  environmentIn,
  eventStoreNodes,
  interpolate,
  parseVolume,
  readCompose,
  servicesBuiltFromDockerfile,
} from './deployment-files';

const ed25519Pem = () =>
  generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

/** What an operator puts in docker/.env (see docker/README.md). */
const OPERATOR_VARIABLES: Record<string, string> = {
  ESDB_ADMIN_PASSWORD: 'c0ffee4dm1n',
  ESDB_OPS_PASSWORD: 'c0ffee0ps',
  LEDGER_JWT_PRIVATE_KEY: ed25519Pem(),
  LEDGER_TREE_HEAD_PRIVATE_KEY: ed25519Pem(),
};

const SETTINGS = new Set(Object.keys(new LedgerConfig()));

/** The hosts and options of an `esdb://[user:password@]host:port,…?options` connection string. */
function parseConnectionString(connection: string) {
  const match = /^esdb(\+discover)?:\/\/(?:[^@/]+@)?([^/?]+)\/?(?:\?(.*))?$/.exec(connection);
  if (!match) throw new Error(`not an esdb:// connection string: ${connection}`);
  return {
    discover: match[1] !== undefined,
    hosts: match[2].split(','),
    options: new URLSearchParams(match[3] ?? ''),
  };
}

/** Checks what every compose file must say of the API services it runs. */
function expectValidApiSettings(compose: ComposeFile, api: string) {
  const settings = apiSettingsIn(compose.services[api], OPERATOR_VARIABLES);
  expect(Object.keys(settings).filter((name) => !SETTINGS.has(name))).toEqual([]);
  expect(() => validateLedgerConfig(settings)).not.toThrow();
  return validateLedgerConfig(settings);
}

/** The named volume mounted at the API's data directory. */
function dataVolumeOf(compose: ComposeFile, api: string): string {
  const { LEDGER_DATA_DIR } = expectValidApiSettings(compose, api);
  const mounts = (compose.services[api].volumes ?? []).map(parseVolume);
  const data = mounts.filter((mount) => mount.target === LEDGER_DATA_DIR);
  expect(data).toHaveLength(1);
  expect(Object.keys(compose.volumes ?? {})).toContain(data[0].source);
  expect(data[0].mode).toBeUndefined();
  return data[0].source;
}

describe('docker/docker-compose.yml: a 3-node EventStoreDB cluster and two API replicas', () => {
  const compose = readCompose('docker-compose.yml');
  const nodes = eventStoreNodes(compose);
  const apis = servicesBuiltFromDockerfile(compose);
  const nodeSettings = (node: string) => environmentIn(compose.services[node], OPERATOR_VARIABLES);

  it('runs three EventStoreDB nodes of one pinned version', () => {
    expect(nodes).toHaveLength(3);
    const images = new Set(nodes.map((node) => compose.services[node].image));
    expect(images.size).toBe(1);
    expect([...images][0]).toMatch(/^eventstore\/eventstore:\d+\.\d+\.\d+/);
  });

  it('forms one cluster: the same size everywhere, each node seeded with the two others', () => {
    for (const node of nodes) {
      const settings = nodeSettings(node);
      expect(settings.EVENTSTORE_CLUSTER_SIZE).toBe(String(nodes.length));
      expect(settings.EVENTSTORE_DISCOVER_VIA_DNS).toBe('false');
      const seeds = settings.EVENTSTORE_GOSSIP_SEED.split(',').sort();
      expect(seeds).toEqual(
        nodes.filter((other) => other !== node).map((other) => `${other}:2113`),
      );
      expect(settings.EVENTSTORE_NODE_HOST_ADVERTISE_AS).toBe(node);
      expect(settings.EVENTSTORE_REPLICATION_HOST_ADVERTISE_AS).toBe(node);
    }
  });

  it('is secure: each node has its own certificate, none runs insecure, passwords are required', () => {
    for (const node of nodes) {
      const settings = nodeSettings(node);
      expect(settings.EVENTSTORE_INSECURE).toBeUndefined();
      expect(settings.EVENTSTORE_CERTIFICATE_FILE).toBe(`/certs/nodes/${node}/node.crt`);
      expect(settings.EVENTSTORE_CERTIFICATE_PRIVATE_KEY_FILE).toBe(
        `/certs/nodes/${node}/node.key`,
      );
      expect(settings.EVENTSTORE_DEFAULT_ADMIN_PASSWORD).toBe(
        OPERATOR_VARIABLES.ESDB_ADMIN_PASSWORD,
      );
      expect(compose.services[node].depends_on?.certs?.condition).toBe(
        'service_completed_successfully',
      );
    }
    expect(() =>
      environmentIn(compose.services[nodes[0]], {
        ...OPERATOR_VARIABLES,
        ESDB_ADMIN_PASSWORD: '',
      }),
    ).toThrow(/ESDB_ADMIN_PASSWORD/);
  });

  it('gives every node a data volume of its own', () => {
    const dataVolumes = nodes.map((node) =>
      (compose.services[node].volumes ?? [])
        .map(parseVolume)
        .find((mount) => mount.target === '/var/lib/eventstore'),
    );
    expect(new Set(dataVolumes.map((mount) => mount?.source)).size).toBe(nodes.length);
  });

  it('runs two API replicas from docker/Dockerfile, each with its own data volume', () => {
    expect(apis).toHaveLength(2);
    const volumes = apis.map((api) => dataVolumeOf(compose, api));
    expect(new Set(volumes).size).toBe(apis.length);
  });

  it('gives the API only real, valid settings, the same on both replicas', () => {
    const [first, second] = apis.map((api) => expectValidApiSettings(compose, api));
    expect(second).toEqual(first);
    expect(first.LEDGER_JWT_PRIVATE_KEY).toBe(OPERATOR_VARIABLES.LEDGER_JWT_PRIVATE_KEY);
    expect(first.LEDGER_TREE_HEAD_PRIVATE_KEY).toBe(
      OPERATOR_VARIABLES.LEDGER_TREE_HEAD_PRIVATE_KEY,
    );
  });

  it('requires the shared keys from the operator rather than letting each replica make its own', () => {
    for (const key of ['LEDGER_JWT_PRIVATE_KEY', 'LEDGER_TREE_HEAD_PRIVATE_KEY']) {
      for (const api of apis) {
        expect(() =>
          environmentIn(compose.services[api], { ...OPERATOR_VARIABLES, [key]: '' }),
        ).toThrow(new RegExp(key));
      }
    }
  });

  it('connects the API to all three nodes, preferring the leader, over TLS it can verify', () => {
    for (const api of apis) {
      const settings = expectValidApiSettings(compose, api);
      const connection = parseConnectionString(settings.EVENTSTORE_CONNECTION_STRING ?? '');
      expect(connection.hosts.sort()).toEqual(nodes.map((node) => `${node}:2113`));
      expect(connection.options.get('nodePreference')).toBe('leader');
      expect(connection.options.get('tls')).toBe('true');
      const caFile = connection.options.get('tlsCAFile') ?? '';
      const mounts = (compose.services[api].volumes ?? []).map(parseVolume);
      expect(mounts.some((mount) => caFile.startsWith(`${mount.target}/`))).toBe(true);
    }
  });

  it('starts each API once the cluster is healthy, and keeps the image health check', () => {
    for (const api of apis) {
      const dependsOn = compose.services[api].depends_on ?? {};
      for (const node of nodes) expect(dependsOn[node]?.condition).toBe('service_healthy');
      expect(compose.services[api].healthcheck?.disable).not.toBe(true);
    }
    for (const node of nodes) expect(compose.services[node].healthcheck?.test).toBeDefined();
  });

  describe('the load balancer', () => {
    const published = Object.keys(compose.services).filter(
      (name) => (compose.services[name].ports ?? []).length > 0,
    );
    const [lb] = published;
    const nginx = () => {
      const mount = (compose.services[lb].volumes ?? [])
        .map(parseVolume)
        .find((volume) => volume.target === '/etc/nginx/conf.d/default.conf');
      expect(mount).toBeDefined();
      return readFileSync(resolve(DOCKER_DIR, mount?.source ?? ''), 'utf8');
    };

    it('is the only service publishing a port, one port, onto the port nginx listens on', () => {
      expect(published).toEqual(['lb']);
      const ports = compose.services[lb].ports ?? [];
      expect(ports).toHaveLength(1);
      const target = interpolate(ports[0], OPERATOR_VARIABLES).split(':').at(-1);
      expect(nginx()).toMatch(new RegExp(`^\\s*listen ${target};`, 'm'));
    });

    it('routes to both replicas on the port the API listens on, once they are healthy', () => {
      const conf = nginx();
      const upstream = /upstream\s+(\S+)\s*\{([^}]*)\}/.exec(conf);
      expect(upstream).not.toBeNull();
      const [, name, body] = upstream ?? [];
      const servers = [...body.matchAll(/^\s*server\s+([^\s;]+)/gm)].map((match) => match[1]);
      const ports = apis.map((api) => expectValidApiSettings(compose, api).PORT);
      expect(servers.sort()).toEqual(apis.map((api, index) => `${api}:${ports[index]}`));
      expect(conf).toContain(`proxy_pass http://${name};`);
      for (const api of apis) {
        expect(compose.services[lb].depends_on?.[api]?.condition).toBe('service_healthy');
      }
    });
  });
});

describe('docker/docker-compose.single.yml: one node and one API, for development', () => {
  const compose = readCompose('docker-compose.single.yml');
  const [node] = eventStoreNodes(compose);
  const [api] = servicesBuiltFromDockerfile(compose);

  it('says it is for development only, as its node runs insecure', () => {
    expect(readFileSync(resolve(DOCKER_DIR, 'docker-compose.single.yml'), 'utf8')).toMatch(
      /^# Development only/,
    );
    expect(eventStoreNodes(compose)).toHaveLength(1);
    const settings = environmentIn(compose.services[node], {});
    expect(settings.EVENTSTORE_CLUSTER_SIZE).toBe('1');
    expect(settings.EVENTSTORE_INSECURE).toBe('true');
  });

  it('runs one API from docker/Dockerfile on that node, with valid settings and its own volume', () => {
    expect(servicesBuiltFromDockerfile(compose)).toEqual([api]);
    const settings = expectValidApiSettings(compose, api);
    const connection = parseConnectionString(settings.EVENTSTORE_CONNECTION_STRING ?? '');
    expect(connection.hosts).toEqual([`${node}:2113`]);
    expect(connection.options.get('tls')).toBe('false');
    expect(dataVolumeOf(compose, api)).toBeTruthy();
    expect(compose.services[api].depends_on?.[node]?.condition).toBe('service_healthy');
  });
});

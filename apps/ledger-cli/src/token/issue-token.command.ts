import { Help, Option, CommandRunner, SubCommand } from 'nest-commander';
import {
  ACCESS_ROLES,
  isAccessRole,
  issueAccessToken,
  loadSigningKey,
  parseTtl,
} from '@cohesion/access-tokens';
// The config module alone, not the application's barrel: `token issue` loads nothing else.
import { validateLedgerConfig } from '@cohesion/application/config/ledger-config';

interface IssueTokenOptions {
  readonly role?: string[];
  readonly partner?: string;
  readonly sub: string;
  readonly ttl: string;
}

/** A refusal the operator can fix: printed as is, exit code 1. */
class UsageError extends Error {}

/**
 * Signs an access token with the ledger's own key, found as the API finds it (the same settings,
 * the same data directory), and prints it: the token and nothing else on stdout.
 */
@SubCommand({
  name: 'issue',
  description: 'Print an access token for a person (only the token goes to stdout)',
})
export class IssueTokenCommand extends CommandRunner {
  async run(_passedParams: string[], options: IssueTokenOptions): Promise<void> {
    const roles = options.role ?? [];
    const unknown = roles.filter((role) => !isAccessRole(role));
    if (roles.length === 0) throw new UsageError(`give at least one --role (${roleList()})`);
    if (unknown.length > 0) {
      throw new UsageError(
        `unknown role ${unknown.map((r) => `"${r}"`).join(', ')}: use ${roleList()}`,
      );
    }
    if (roles.includes('partner') && !options.partner) {
      throw new UsageError('--role partner needs --partner <id>: the partner the person acts for');
    }
    const ttl = parseTtl(options.ttl);
    const settings = validateLedgerConfig(process.env);
    if (settings.LEDGER_OIDC_JWKS_URL) {
      throw new UsageError(
        'LEDGER_OIDC_JWKS_URL is set: this ledger trusts tokens from your OpenID Connect ' +
          'provider only, so get the token there',
      );
    }
    const { key, origin } = await loadSigningKey({
      privateKeyPem: settings.LEDGER_JWT_PRIVATE_KEY,
      dataDir: settings.LEDGER_DATA_DIR,
    });
    if (origin === 'generated') {
      process.stderr.write(
        `ledger: generated a token-signing key in ${settings.LEDGER_DATA_DIR}\n`,
      );
    }
    const token = await issueAccessToken(
      { sub: options.sub, roles, partnerId: options.partner, ttl },
      { issuer: settings.LEDGER_JWT_ISSUER, audience: settings.LEDGER_JWT_AUDIENCE, key },
    );
    process.stdout.write(`${token}\n`);
  }

  @Option({
    flags: '--role <role>',
    description: `${roleList()}; repeat (or separate with commas) for several`,
  })
  parseRole(value: string, previous: string[] = []): string[] {
    return [...previous, ...value.split(',').map((role) => role.trim())];
  }

  @Option({
    flags: '--partner <id>',
    description: 'the partner the person acts for (needed with --role partner)',
  })
  parsePartner(value: string): string {
    return value;
  }

  @Option({
    flags: '--sub <user>',
    description: 'who the person is: recorded as the actor of everything they do',
    required: true,
  })
  parseSub(value: string): string {
    return value;
  }

  @Option({
    flags: '--ttl <lifetime>',
    description: 'how long the token is valid: 90s, 15m, 8h, 7d (at most 30d)',
    defaultValue: '8h',
  })
  parseTtl(value: string): string {
    return value;
  }

  @Help('after')
  example(): string {
    return [
      '',
      'Example:',
      '  TOKEN=$(npx ledger token issue --role partner --partner acme --sub ana-acme)',
      '  curl -H "Authorization: Bearer $TOKEN" http://localhost:3000/partnerships',
    ].join('\n');
  }
}

function roleList(): string {
  return ACCESS_ROLES.join(', ');
}

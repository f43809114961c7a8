import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ConfigService } from '@nestjs/config';
import {
  InvalidTtlError,
  issueAccessToken,
  loadSigningKey,
  parseTtl,
} from '@cohesion/access-tokens';
import { RuleViolation } from '@cohesion/domain';
import type { CommandContext, CommandResult } from '../command-side/command-context';
import { commandFrom } from '../command-side/command-messages';
import type { LedgerConfig } from '../config/ledger-config';
import { invalidRequest } from '../errors';
import { PersonCommandMessage, type PersonRequest } from './person-command.handler';

export interface IssuedPersonalToken extends CommandResult {
  /** The bearer token: answered once, never stored (only its id, to revoke it). */
  readonly token: string;
  readonly tokenId: string;
  readonly expiresAt: string;
}

/**
 * Personal API tokens: signed with the ledger's own key for the person asking, recorded in their
 * stream by id (`jti`) so that they can be listed and revoked; the token itself is not kept.
 */
@Injectable()
export class PersonalTokens {
  constructor(
    private readonly commands: CommandBus,
    private readonly config: ConfigService<LedgerConfig, true>,
  ) {}

  async issue(
    personId: string,
    label: string,
    ttl: string,
    context: CommandContext,
  ): Promise<IssuedPersonalToken> {
    if (this.config.get('LEDGER_OIDC_JWKS_URL', { infer: true })) {
      throw new RuleViolation(
        'personal-tokens-unavailable',
        'This ledger trusts only its identity provider’s tokens: get tokens there',
      );
    }
    const seconds = lifetimeOf(ttl);
    const now = new Date(context.now);
    const tokenId = randomUUID();
    const expiresAt = new Date(now.getTime() + seconds * 1000).toISOString();
    const { actor } = context;
    const result = await this.commands.execute<PersonCommandMessage, CommandResult>(
      new PersonCommandMessage(
        commandFrom<PersonRequest>(
          'IssuePersonalToken',
          { personId, tokenId, label, expiresAt },
          context,
        ),
        context,
      ),
    );
    const { key } = await loadSigningKey({
      privateKeyPem: this.config.get('LEDGER_JWT_PRIVATE_KEY', { infer: true }) || undefined,
      dataDir: this.config.get('LEDGER_DATA_DIR', { infer: true }),
    });
    const token = await issueAccessToken(
      {
        sub: actor.sub,
        roles: actor.roles ?? [],
        ...(actor.partnerId !== undefined ? { partnerId: actor.partnerId } : {}),
        ttl: seconds,
        tokenId,
      },
      {
        issuer: this.config.get('LEDGER_JWT_ISSUER', { infer: true }),
        audience: this.config.get('LEDGER_JWT_AUDIENCE', { infer: true }),
        key,
        now,
      },
    );
    return { ...result, token, tokenId, expiresAt };
  }
}

function lifetimeOf(ttl: string): number {
  try {
    return parseTtl(ttl);
  } catch (error) {
    if (error instanceof InvalidTtlError) throw invalidRequest(error.message);
    throw error;
  }
}

import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CommandBus } from '@nestjs/cqrs';
import {
  type FeedbackContact,
  isOpenForActivity,
  partnershipDecider,
  RuleViolation,
} from '@cohesion/domain';
import { AggregateStore } from '../command-side/aggregate-store';
import { commandContextFor, idInPartnership } from '../command-side/command-context';
import { commandFrom } from '../command-side/command-messages';
import { streamOf } from '../command-side/streams';
import type { LedgerConfig } from '../config/ledger-config';
import { notFound } from '../errors';
import { FeedbackCommandMessage, type FeedbackRequest } from './feedback-command.handler';
import { PublicFeedbackTokens } from './public-feedback-tokens';

/** Who the public form's feedback is recorded as: no person, no address, only the form. */
export const PUBLIC_FORM_ACTOR = { sub: 'public-form', roles: [] } as const;
/** The route the public form posts to, which scopes the commands it sends. */
export const PUBLIC_FEEDBACK_ROUTE = 'POST /partnerships/:partnershipId/public-feedback';
/** A form loaded longer ago than this must be reloaded. */
const FORM_LIFETIME_MS = 24 * 3600_000;

export const PUBLIC_FEEDBACK_RULES = [
  'public-feedback-form-invalid',
  'public-feedback-too-fast',
  'public-feedback-form-expired',
  'public-feedback-closed',
  'public-feedback-daily-cap-reached',
] as const;
export type PublicFeedbackRule = (typeof PUBLIC_FEEDBACK_RULES)[number];

const refusal = (rule: PublicFeedbackRule, message: string) => new RuleViolation(rule, message);

/** What the public form shows, and the token it sends back. */
export interface PublicFeedbackForm {
  readonly partnershipId: string;
  readonly name: string;
  /** Founded or active: a suspended or closed partnership takes no public feedback. */
  readonly accepting: boolean;
  readonly formToken: string;
  readonly minimumFillSeconds: number;
}

export interface PublicFeedbackSubmission {
  readonly formToken: string;
  readonly text: string;
  readonly rating?: number;
  /** Only with the person's consent: the edge refuses a contact without it. */
  readonly contact?: FeedbackContact;
}

/**
 * The public feedback form of a partnership, for residents without an account: recorded as
 * resident feedback on the web channel, by the `public-form` actor. A token signed when the form
 * was handed out bounds how fast and how late it may come back; a daily cap per partnership
 * bounds what every client together may write (the edge limits each address).
 */
@Injectable()
export class PublicFeedbackForms {
  private readonly tokens: PublicFeedbackTokens;
  private readonly minimumFillSeconds: number;
  private readonly dailyCap: number;
  /** Submissions accepted today (UTC) per partnership, in this process. */
  private today = { day: '', counts: new Map<string, number>() };

  constructor(
    private readonly aggregates: AggregateStore,
    private readonly commands: CommandBus,
    config: ConfigService<LedgerConfig, true>,
  ) {
    this.tokens = PublicFeedbackTokens.withKeys(
      config.get('LEDGER_PUBLIC_FEEDBACK_FORM_KEY', { infer: true }),
      config.get('LEDGER_JWT_PRIVATE_KEY', { infer: true }),
    );
    this.minimumFillSeconds = config.get('LEDGER_PUBLIC_FEEDBACK_MIN_FILL_SECONDS', {
      infer: true,
    });
    this.dailyCap = config.get('LEDGER_PUBLIC_FEEDBACK_DAILY_CAP', { infer: true });
  }

  /** The form of an existing partnership (its existence and name are public); 404 otherwise. */
  async formOf(partnershipId: string, now = new Date()): Promise<PublicFeedbackForm> {
    const { name, accepting } = await this.partnershipOf(partnershipId);
    return {
      partnershipId,
      name,
      accepting,
      formToken: this.tokens.issue(partnershipId, now),
      minimumFillSeconds: this.minimumFillSeconds,
    };
  }

  async submit(
    partnershipId: string,
    submission: PublicFeedbackSubmission,
    now = new Date(),
  ): Promise<void> {
    this.checkFillTime(partnershipId, submission.formToken, now);
    const { accepting } = await this.partnershipOf(partnershipId);
    if (!accepting) {
      throw refusal(
        'public-feedback-closed',
        `Partnership ${partnershipId} is suspended or closed: it takes no feedback by its public form`,
      );
    }
    const release = this.reserveToday(partnershipId, now);
    try {
      await this.record(partnershipId, submission, now);
    } catch (error) {
      release();
      throw error;
    }
  }

  private async partnershipOf(partnershipId: string) {
    const { state } = await this.aggregates.load(
      streamOf('partnership', partnershipId),
      partnershipDecider,
    );
    if (state.status === 'none') throw notFound(`Partnership ${partnershipId} does not exist`);
    return { name: state.name ?? partnershipId, accepting: isOpenForActivity(state) };
  }

  private checkFillTime(partnershipId: string, formToken: string, now: Date): void {
    const issuedAt = this.tokens.issuedAt(formToken, partnershipId);
    if (issuedAt === undefined) {
      throw refusal(
        'public-feedback-form-invalid',
        'This form token was not issued by this ledger for this partnership: reload the form',
      );
    }
    const age = now.getTime() - issuedAt.getTime();
    if (age < this.minimumFillSeconds * 1000) {
      throw refusal(
        'public-feedback-too-fast',
        `The form came back ${Math.max(0, Math.floor(age / 1000))} s after it was loaded; ` +
          `wait at least ${this.minimumFillSeconds} s and send it again`,
      );
    }
    if (age > FORM_LIFETIME_MS) {
      throw refusal(
        'public-feedback-form-expired',
        'This form was loaded more than a day ago: reload it and send your feedback again',
      );
    }
  }

  /** Counts the submission against today's cap; the returned function gives it back. */
  private reserveToday(partnershipId: string, now: Date): () => void {
    const day = now.toISOString().slice(0, 10);
    if (this.today.day !== day) this.today = { day, counts: new Map() };
    const { counts } = this.today;
    const count = counts.get(partnershipId) ?? 0;
    if (count >= this.dailyCap) {
      throw refusal(
        'public-feedback-daily-cap-reached',
        `Partnership ${partnershipId} has received all the public feedback it takes today; ` +
          'try again tomorrow',
      );
    }
    counts.set(partnershipId, count + 1);
    return () => counts.set(partnershipId, (counts.get(partnershipId) ?? 1) - 1);
  }

  private async record(
    partnershipId: string,
    { text, rating, contact }: PublicFeedbackSubmission,
    now: Date,
  ): Promise<void> {
    const context = commandContextFor(
      { actor: PUBLIC_FORM_ACTOR, route: PUBLIC_FEEDBACK_ROUTE },
      now,
    );
    const data = {
      feedbackId: idInPartnership(partnershipId, undefined, context, 'feedback'),
      partnershipId,
      subject: { kind: 'partnership' as const },
      text,
      channel: 'web' as const,
      submitterCategory: 'resident' as const,
      ...(rating !== undefined ? { rating } : {}),
      ...(contact !== undefined ? { contact } : {}),
    };
    await this.commands.execute(
      new FeedbackCommandMessage(
        commandFrom<FeedbackRequest>('SubmitFeedback', data, context),
        context,
      ),
    );
  }
}

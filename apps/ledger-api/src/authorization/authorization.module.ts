import { Module } from '@nestjs/common';

/** What the principal may do: role rules per route and per-object checks. */
@Module({})
export class AuthorizationModule {}

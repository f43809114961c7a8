import { Module } from '@nestjs/common';

/** Rate limits, body and page size limits, security headers, CORS. */
@Module({})
export class AbuseLimitsModule {}

import { Module } from '@nestjs/common';

/** Records confidential reads and denied requests as access events in their own stream. */
@Module({})
export class AccessAuditModule {}

import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'cohesion-ledger:public';

/** Routes anyone may call without a principal (health, API docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

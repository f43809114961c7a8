import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { KeyStore } from '@cohesion/personal-data';
import { openConfiguredPersonalDataKeys, PERSONAL_DATA_KEYS } from './personal-data-keys';
import { PersonalDataReader } from './personal-data-reader';

/**
 * The process's one key store, global like the event store: the command side seals with it, the
 * read side and the exports open with it, erasures destroy its keys. Closed with the process.
 */
@Global()
@Module({
  providers: [
    {
      provide: PERSONAL_DATA_KEYS,
      inject: [ConfigService],
      useFactory: openConfiguredPersonalDataKeys,
    },
    PersonalDataReader,
  ],
  exports: [PERSONAL_DATA_KEYS, PersonalDataReader],
})
export class PersonalDataKeysModule implements OnApplicationShutdown {
  constructor(@Inject(PERSONAL_DATA_KEYS) private readonly keys: KeyStore & { close(): void }) {}

  onApplicationShutdown(): void {
    this.keys.close();
  }
}

import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { OpenedAnswersInterceptor } from './opened-answers.interceptor';

/** What the HTTP edge does about personal data: answers opened on their way out. */
@Module({
  providers: [{ provide: APP_INTERCEPTOR, useClass: OpenedAnswersInterceptor }],
})
export class PersonalDataHttpModule {}

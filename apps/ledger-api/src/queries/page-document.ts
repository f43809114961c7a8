import type { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import type { Page } from '@cohesion/application';

/** The OpenAPI schema of a `Page<T>`: `class XPageDocument extends PageDocument(XDocument) {}`. */
export function PageDocument<T>(item: Type<T>) {
  class PageOfItems implements Page<T> {
    @ApiProperty({ type: [item] })
    items!: T[];

    @ApiProperty({
      type: String,
      nullable: true,
      description: 'Cursor of the following page (pass it as `cursor`); null on the last page',
    })
    next!: string | null;
  }
  return PageOfItems;
}

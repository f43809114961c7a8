import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { ReadModelQueryDto } from '../queries/read-model-query.dto';
import type {
  ConsistencyProofDocument,
  InclusionProofDocument,
  PublicKeyDocument,
  TreeHeadDocument,
} from '@cohesion/application';

/**
 * A size or index in the query: decimal digits only. Anything else is left as it came so that
 * IsInt refuses it (`Number` alone would read '' as 0 and '1e3' as 1000).
 */
const WholeNumber = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : value,
  );
const SizeRules = (name: string) =>
  applyDecorators(
    WholeNumber(),
    IsInt({ message: `${name} must be a whole number` }),
    Min(0, { message: `${name} must not be negative` }),
    Max(Number.MAX_SAFE_INTEGER, { message: `${name} is too large` }),
  );

export class TreeHeadQueryDto extends ReadModelQueryDto {
  @ApiPropertyOptional({
    description: 'The head signed at this size (default: the latest, signed now if needed)',
  })
  @IsOptional()
  @SizeRules('treeSize')
  treeSize?: number;
}

export class InclusionProofQueryDto extends ReadModelQueryDto {
  @ApiPropertyOptional({ description: 'The event (give this or leafIndex)', format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'eventId must be an event id (a UUID)' })
  eventId?: string;

  @ApiPropertyOptional({ description: 'The 0-based leaf index: the event’s rank in log order' })
  @IsOptional()
  @SizeRules('leafIndex')
  leafIndex?: number;

  @ApiPropertyOptional({
    description:
      'The tree size to prove inclusion in (default: the latest signed tree head, included in ' +
      'the answer). Take the size and root from one signed tree head you verified.',
  })
  @IsOptional()
  @SizeRules('treeSize')
  treeSize?: number;
}

export class ConsistencyProofQueryDto extends ReadModelQueryDto {
  @ApiProperty({ description: 'The size of the tree head you hold' })
  @SizeRules('oldSize')
  oldSize!: number;

  @ApiPropertyOptional({ description: 'The later size (default: the latest signed tree head)' })
  @IsOptional()
  @SizeRules('newSize')
  newSize?: number;
}

export class TreeHeadResponse implements TreeHeadDocument {
  @ApiProperty({ example: 1042 })
  treeSize!: number;
  @ApiProperty({ description: 'RFC 9162 root hash (base64 of 32 bytes)' })
  rootHash!: string;
  @ApiProperty({ example: '2026-03-02T17:40:12.345Z' })
  timestamp!: string;
  @ApiProperty({ description: 'Ed25519 signature (base64) of the signing input' })
  signature!: string;
  @ApiProperty({ description: 'RFC 7638 thumbprint of the signing key' })
  keyId!: string;
}

export class PublicKeyResponse implements PublicKeyDocument {
  @ApiProperty({ enum: ['Ed25519'] })
  algorithm!: 'Ed25519';
  @ApiProperty()
  keyId!: string;
  @ApiProperty({ description: 'SPKI PEM: save it as a file for `ledger verify-tree-head`' })
  pem!: string;
  @ApiProperty({ example: { kty: 'OKP', crv: 'Ed25519', x: '…', kid: '…' } })
  jwk!: PublicKeyDocument['jwk'];
  @ApiProperty()
  signingInput!: string;
}

export class InclusionProofResponse implements InclusionProofDocument {
  @ApiProperty({ format: 'uuid' })
  eventId!: string;
  @ApiProperty({ example: 'commitment-tutoring-2026' })
  stream!: string;
  @ApiProperty({ example: '3' })
  revision!: string;
  @ApiProperty({ example: '17' })
  position!: string;
  @ApiProperty({ description: 'The event’s hash (hex): the leaf' })
  eventHash!: string;
  @ApiProperty({ example: 16 })
  leafIndex!: number;
  @ApiProperty({ example: 1042 })
  treeSize!: number;
  @ApiProperty({ type: [String], description: 'Inclusion path (base64), leaf level first' })
  proof!: string[];
  @ApiProperty({ type: TreeHeadResponse, nullable: true })
  treeHead!: TreeHeadResponse | null;
}

export class ConsistencyProofResponse implements ConsistencyProofDocument {
  @ApiProperty({ example: 1000 })
  oldSize!: number;
  @ApiProperty({ example: 1042 })
  newSize!: number;
  @ApiProperty({ type: [String], description: 'Consistency proof (base64)' })
  proof!: string[];
  @ApiProperty({ type: TreeHeadResponse, nullable: true })
  oldTreeHead!: TreeHeadResponse | null;
  @ApiProperty({ type: TreeHeadResponse, nullable: true })
  newTreeHead!: TreeHeadResponse | null;
}

import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiInternalServerErrorResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Authorize } from '../authorization/authorize.decorator';
import { CurrentPrincipal } from '../authorization/current-principal.decorator';
import {
  type ConsistencyProofDocument,
  type InclusionProofDocument,
  type Principal,
  type PublicKeyDocument,
  type TreeHeadDocument,
  VerifiableHistoryService,
} from '@cohesion/application';
import { ApiProblems } from '../problem/api-problems.decorator';
import {
  ConsistencyProofQueryDto,
  ConsistencyProofResponse,
  InclusionProofQueryDto,
  InclusionProofResponse,
  PublicKeyResponse,
  TreeHeadQueryDto,
  TreeHeadResponse,
} from './verifiable-history.dto';

/**
 * Tree heads and consistency proofs hold only hashes of the whole log, so every role gets them:
 * partners are the very people who must not have to trust the operator. An inclusion proof
 * names an event, so it follows the event's own read rule (as the streams routes do).
 */
const EVERY_ROLE = ['admin', 'auditor', 'partner', 'mediator'] as const;
const EVENT_SCOPE =
  'a partner or mediator gets proofs only for events of streams it may read ' +
  '(anything else answers 404, as if it did not exist)';
const REFUSES_TO_SIGN =
  'Only when the log no longer extends a tree head the ledger signed (its history changed): it ' +
  'refuses to sign a new one. A storage fault (full disk, I/O error) is a 503 with Retry-After, ' +
  'never a 500';

@ApiTags('verifiable-history')
@Controller('verifiable-history')
export class VerifiableHistoryController {
  constructor(private readonly history: VerifiableHistoryService) {}

  @Authorize(EVERY_ROLE)
  @Get('tree-head')
  @ApiOperation({
    summary:
      'The latest signed tree head of the whole log (size, RFC 9162 root, time, Ed25519 ' +
      'signature), or the one signed at ?treeSize=: keep it to check the ledger later',
  })
  @ApiOkResponse({ type: TreeHeadResponse })
  @ApiProblems(400, 404, 503)
  @ApiInternalServerErrorResponse({ description: REFUSES_TO_SIGN })
  treeHead(@Query() query: TreeHeadQueryDto): TreeHeadDocument {
    return this.history.treeHead(query.treeSize);
  }

  @Authorize(EVERY_ROLE)
  @Get('public-key')
  @ApiOperation({ summary: 'The Ed25519 key tree heads are signed with (PEM and JWK)' })
  @ApiOkResponse({ type: PublicKeyResponse })
  publicKey(): PublicKeyDocument {
    return this.history.publicKey();
  }

  @Authorize(EVERY_ROLE, EVENT_SCOPE)
  @Get('inclusion-proof')
  @ApiOperation({
    summary:
      'Proof that an event (by eventId or leafIndex) is in the tree of a size: by default the ' +
      'latest signed tree head, which comes with it',
  })
  @ApiOkResponse({ type: InclusionProofResponse })
  @ApiProblems(400, 404, 503)
  @ApiInternalServerErrorResponse({ description: REFUSES_TO_SIGN })
  async inclusionProof(
    @Query() query: InclusionProofQueryDto,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<InclusionProofDocument> {
    const leaf = await this.history.leaf(query, viewer);
    return this.history.inclusionProof(leaf, query.treeSize);
  }

  @Authorize(EVERY_ROLE)
  @Get('consistency-proof')
  @ApiOperation({
    summary:
      'Proof that the tree of newSize (default: the latest signed tree head) extends the tree ' +
      'of oldSize, i.e. that nothing recorded by then was changed or removed',
  })
  @ApiOkResponse({ type: ConsistencyProofResponse })
  @ApiProblems(400, 503)
  @ApiInternalServerErrorResponse({ description: REFUSES_TO_SIGN })
  consistencyProof(@Query() query: ConsistencyProofQueryDto): ConsistencyProofDocument {
    return this.history.consistencyProof(query.oldSize, query.newSize);
  }
}

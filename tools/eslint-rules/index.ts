/**
 * Bonfire's conventions as lint rules, in Nx's workspace-rules folder (as Twenty's tools/eslint-rules): each
 * rule is `@nx/workspace-<name>` in eslint.config.mjs and has its tests beside it. docs/CONVENTIONS.md lists
 * them with the reason for each.
 */
import * as errorCodeFromCatalogue from './rules/error-code-from-catalogue';
import * as internalRouteFromContracts from './rules/internal-route-from-contracts';
import * as loggerInjected from './rules/logger-injected';
import * as noIdRegexLiteral from './rules/no-id-regex-literal';
import * as noInfrastructureClientInApps from './rules/no-infrastructure-client-in-apps';
import * as noQueryBuilderOutsideRepository from './rules/no-query-builder-outside-repository';
import * as noSdkClientInComponents from './rules/no-sdk-client-in-components';
import * as routePublicAgreesWithGateway from './rules/route-public-agrees-with-gateway';
import * as routeThroughEndpoint from './rules/route-through-endpoint';

export const rules = {
  [errorCodeFromCatalogue.RULE_NAME]: errorCodeFromCatalogue.rule,
  [internalRouteFromContracts.RULE_NAME]: internalRouteFromContracts.rule,
  [loggerInjected.RULE_NAME]: loggerInjected.rule,
  [noIdRegexLiteral.RULE_NAME]: noIdRegexLiteral.rule,
  [noInfrastructureClientInApps.RULE_NAME]: noInfrastructureClientInApps.rule,
  [noQueryBuilderOutsideRepository.RULE_NAME]: noQueryBuilderOutsideRepository.rule,
  [noSdkClientInComponents.RULE_NAME]: noSdkClientInComponents.rule,
  [routePublicAgreesWithGateway.RULE_NAME]: routePublicAgreesWithGateway.rule,
  [routeThroughEndpoint.RULE_NAME]: routeThroughEndpoint.rule,
};

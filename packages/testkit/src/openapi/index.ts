export {
  createOpenApiRequestValidator,
  type OpenApiRequestValidator,
  type OpenApiRequestValidatorOptions,
} from './create-openapi-request-validator';
export {
  loadSharedSpec,
  type OpenApiDocument,
  type OpenApiMediaObject,
  type OpenApiOperation,
  responseExample,
  sharedSpecPath,
} from './shared-specs';

import {
  type MarketplaceImageUploadOptionsV1,
  MarketplaceRequestError,
  ValidationError,
} from '@deal-scout/core';
import { z } from 'zod';
import type { EbayHttpClient } from '../http/create-ebay-http-client';

/**
 * The Media API's image answer. No OpenAPI file with the image methods exists in `specs/ebay`
 * (see its SOURCES.md), so this follows eBay's documentation of `createImageFromUrl`,
 * `createImageFromFile` and `getImage`: 201 with `Location: …/image/{image_id}` and an
 * `{ imageUrl, expirationDate }` body (the EPS URL to put in `product.imageUrls`).
 */
const ImageResponseSchema = z.object({ imageUrl: z.string().url(), expirationDate: z.string().optional() });

/** Formats the Media API accepts (createImageFromFile documentation). */
const acceptedTypes = new Set([
  'image/jpeg',
  'image/gif',
  'image/png',
  'image/bmp',
  'image/tiff',
  'image/avif',
  'image/heic',
  'image/webp',
]);

/**
 * Hosts an image on eBay Picture Services through the Media API with the seller's token: a public
 * HTTPS URL goes through `create_image_from_url`, bytes through `create_image_from_file`
 * (multipart field `image`). Returns the EPS URL. Throws `ValidationError` for a non-HTTPS URL or
 * an unsupported type; eBay allows 50 Media calls per 5 seconds per user.
 */
export async function uploadEbayImage(
  options: MarketplaceImageUploadOptionsV1 & { readonly http: EbayHttpClient; readonly mediaHost: string },
): Promise<{ imageRef: string }> {
  const base = `${options.mediaHost}/commerce/media/v1_beta/image`;
  const authorization = `Bearer ${options.access.accessToken}`;
  const invalid = (field: string, message: string) =>
    new ValidationError({ issues: [{ field, message }], subject: 'eBay image', source: 'ebay' });

  let response: Awaited<ReturnType<EbayHttpClient['send']>>;
  if ('url' in options.image) {
    if (!options.image.url.startsWith('https://'))
      throw invalid('image.url', 'eBay only fetches HTTPS image URLs');
    response = await options.http.send({
      method: 'POST',
      url: `${base}/create_image_from_url`,
      operation: 'createImageFromUrl',
      authorization,
      json: { imageUrl: options.image.url },
      signal: options.signal,
    });
  } else {
    if (!acceptedTypes.has(options.image.contentType)) {
      throw invalid('image.contentType', `eBay does not accept ${options.image.contentType} images`);
    }
    const form = new FormData();
    form.append(
      'image',
      new Blob([new Uint8Array(options.image.data)], { type: options.image.contentType }),
      'image',
    );
    response = await options.http.send({
      method: 'POST',
      url: `${base}/create_image_from_file`,
      operation: 'createImageFromFile',
      authorization,
      body: form,
      signal: options.signal,
    });
  }

  const direct = ImageResponseSchema.safeParse(response.data);
  if (direct.success) return { imageRef: direct.data.imageUrl };
  const location = response.headers.get('location');
  if (!location) {
    throw new MarketplaceRequestError({
      message: 'the Media API answered without an image URL or Location',
      source: 'ebay',
      status: response.status,
    });
  }
  const image = await options.http.send({
    method: 'GET',
    url: new URL(location, options.mediaHost).toString(),
    operation: 'getImage',
    authorization,
    signal: options.signal,
  });
  const parsed = ImageResponseSchema.safeParse(image.data);
  if (!parsed.success) {
    throw new MarketplaceRequestError({ message: 'getImage answered without an imageUrl', source: 'ebay' });
  }
  return { imageRef: parsed.data.imageUrl };
}

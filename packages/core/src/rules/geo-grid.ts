import { type GeoPoint, milesToKm } from '../listing/location';

/** Mean Earth radius in km, the same sphere `haversineDistance` uses. */
const earthRadiusKm = 6371.0088;
const toDegrees = 180 / Math.PI;
const toRadians = Math.PI / 180;

/**
 * A grid of latitude/longitude cells for radius rules: a rule is posted in every cell its
 * circle may touch, and a listing looks up the single cell it lies in. The cover is
 * conservative (a small margin on every bound), so the grid only narrows the candidates; the
 * exact haversine test decides.
 */
export type GeoGrid = {
  /** The cell key of a point. */
  cellOf(point: GeoPoint): number;
  /**
   * The keys of every cell a circle may touch, or `null` when the circle is too large for the
   * grid (more than `maxCells` cells, or it reaches a pole) and the rule must be checked
   * another way.
   */
  cellsForCircle(center: GeoPoint, radiusMi: number): number[] | null;
};

/** Creates a grid of square cells of `cellDegrees` (default 1°), covering at most `maxCells` per circle. */
export function createGeoGrid(options: { cellDegrees?: number; maxCells?: number } = {}): GeoGrid {
  const cellDegrees = options.cellDegrees ?? 1;
  const maxCells = options.maxCells ?? 64;
  const latCells = Math.ceil(180 / cellDegrees);
  const lonCells = Math.ceil(360 / cellDegrees);
  const latIndex = (lat: number) => Math.min(latCells - 1, Math.max(0, Math.floor((lat + 90) / cellDegrees)));
  const lonIndex = (lon: number) => {
    const index = Math.floor((lon + 180) / cellDegrees);
    return ((index % lonCells) + lonCells) % lonCells;
  };
  return {
    cellOf(point) {
      return latIndex(point.lat) * lonCells + lonIndex(point.lon);
    },
    cellsForCircle(center, radiusMi) {
      // Angular radius, widened by a margin far above floating-point error.
      const angle = (milesToKm(radiusMi) / earthRadiusKm) * (1 + 1e-9) + 1e-9;
      const latSpan = angle * toDegrees + 1e-6;
      const latMin = center.lat - latSpan;
      const latMax = center.lat + latSpan;
      if (latMin <= -90 || latMax >= 90) return null;
      // A point within `angle` of the centre differs in longitude by at most asin(sin δ / cos φ).
      const ratio = Math.sin(angle) / Math.cos(center.lat * toRadians);
      if (!(ratio < 1)) return null;
      const lonSpan = Math.asin(ratio) * toDegrees * (1 + 1e-9) + 1e-6;
      if (lonSpan >= 180) return null;
      const firstLat = latIndex(latMin);
      const lastLat = latIndex(latMax);
      const firstLon = Math.floor((center.lon - lonSpan + 180) / cellDegrees);
      const lastLon = Math.floor((center.lon + lonSpan + 180) / cellDegrees);
      const lonCount = Math.min(lonCells, lastLon - firstLon + 1);
      if ((lastLat - firstLat + 1) * lonCount > maxCells) return null;
      const cells: number[] = [];
      for (let lat = firstLat; lat <= lastLat; lat++) {
        for (let step = 0; step < lonCount; step++) {
          const lon = (((firstLon + step) % lonCells) + lonCells) % lonCells;
          cells.push(lat * lonCells + lon);
        }
      }
      return cells;
    },
  };
}

import { type GeoPoint, milesToKm } from '../listing/location';

/** Mean Earth radius in km, the same sphere `haversineDistance` uses. */
const earthRadiusKm = 6371.0088;
const toDegrees = 180 / Math.PI;
const toRadians = Math.PI / 180;
/** Keys of different levels never collide: a level's cells number fewer than this. */
const levelStride = 2 ** 26;

/**
 * A multi-resolution grid of latitude/longitude cells for radius rules. A rule is posted in the
 * cells its circle may touch, at the finest level where that takes at most `maxCells` cells
 * (a 10-mile circle in quarter-degree cells, a 250-mile one in 4° cells); a listing looks up the
 * one cell it lies in at each level. The cover is conservative (a margin on every bound), so
 * the grid only narrows the candidates; the exact haversine test decides.
 */
export type GeoGrid = {
  /** The cell keys of a point, one per level. */
  cellsOf(point: GeoPoint): number[];
  /**
   * The keys of every cell a circle may touch at one level, or `null` when the circle is too
   * large for every level (or reaches a pole) and the rule must be found another way.
   */
  cellsForCircle(center: GeoPoint, radiusMi: number): number[] | null;
};

/** Settings of {@link createGeoGrid}. */
export type GeoGridSettings = {
  /** Cell sides in degrees, finest first; each must divide 180 (default `[0.25, 1, 4]`). */
  readonly levels?: readonly number[];
  /** Most cells one circle may cover (default 16). */
  readonly maxCells?: number;
};

type Level = { readonly degrees: number; readonly latCells: number; readonly lonCells: number };

/** Creates a grid with the given levels. */
export function createGeoGrid(settings: GeoGridSettings = {}): GeoGrid {
  const maxCells = settings.maxCells ?? 16;
  const levels: Level[] = (settings.levels ?? [0.25, 1, 4]).map((degrees) => ({
    degrees,
    latCells: Math.round(180 / degrees),
    lonCells: Math.round(360 / degrees),
  }));
  const latIndex = (level: Level, lat: number) =>
    Math.min(level.latCells - 1, Math.max(0, Math.floor((lat + 90) / level.degrees)));
  const lonIndex = (level: Level, lon: number) => {
    const index = Math.floor((lon + 180) / level.degrees);
    return ((index % level.lonCells) + level.lonCells) % level.lonCells;
  };

  const cover = (level: Level, levelNumber: number, center: GeoPoint, latSpan: number, lonSpan: number) => {
    const firstLat = latIndex(level, center.lat - latSpan);
    const lastLat = latIndex(level, center.lat + latSpan);
    const firstLon = Math.floor((center.lon - lonSpan + 180) / level.degrees);
    const lastLon = Math.floor((center.lon + lonSpan + 180) / level.degrees);
    const lonCount = Math.min(level.lonCells, lastLon - firstLon + 1);
    if ((lastLat - firstLat + 1) * lonCount > maxCells) return null;
    const cells: number[] = [];
    for (let lat = firstLat; lat <= lastLat; lat++) {
      for (let step = 0; step < lonCount; step++) {
        const lon = (((firstLon + step) % level.lonCells) + level.lonCells) % level.lonCells;
        cells.push(levelNumber * levelStride + lat * level.lonCells + lon);
      }
    }
    return cells;
  };

  return {
    cellsOf(point) {
      return levels.map(
        (level, number) =>
          number * levelStride + latIndex(level, point.lat) * level.lonCells + lonIndex(level, point.lon),
      );
    },
    cellsForCircle(center, radiusMi) {
      // Angular radius, widened by a margin far above floating-point error.
      const angle = (milesToKm(radiusMi) / earthRadiusKm) * (1 + 1e-9) + 1e-9;
      const latSpan = angle * toDegrees + 1e-6;
      if (center.lat - latSpan <= -90 || center.lat + latSpan >= 90) return null;
      // A point within `angle` of the centre differs in longitude by at most asin(sin δ / cos φ).
      const ratio = Math.sin(angle) / Math.cos(center.lat * toRadians);
      if (!(ratio < 1)) return null;
      const lonSpan = Math.asin(ratio) * toDegrees * (1 + 1e-9) + 1e-6;
      if (lonSpan >= 180) return null;
      for (let number = 0; number < levels.length; number++) {
        const cells = cover(levels[number]!, number, center, latSpan, lonSpan);
        if (cells) return cells;
      }
      return null;
    },
  };
}

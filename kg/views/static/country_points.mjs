// Generates country-points.tsv: one representative point per country of Natural Earth's 1:50m
// admin-0 map (world-atlas@2.0.2 countries-50m.json), the centroid of its largest polygon.
// Run with d3-geo@3.1.1, d3-array@3.2.4 and topojson-client@3.1.0 unpacked beside it:
//   node country_points.mjs countries-50m.json > country-points.tsv
import fs from "node:fs";
import * as d3 from "d3-geo";
import * as topojson from "topojson-client";

const world = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const countries = topojson.feature(world, world.objects.countries).features;
const rows = ["numeric\tname\tlat\tlon"];
for (const f of countries) {
  if (!f.id) continue;
  const polys = f.geometry.type === "MultiPolygon" ? f.geometry.coordinates : [f.geometry.coordinates];
  let best = null, area = -1;
  for (const p of polys) {
    const a = d3.geoArea({ type: "Polygon", coordinates: p });
    if (a > area) { area = a; best = p; }
  }
  const [lon, lat] = d3.geoCentroid({ type: "Polygon", coordinates: best });
  rows.push([f.id, f.properties.name, lat.toFixed(3), lon.toFixed(3)].join("\t"));
}
rows.sort((a, b) => (a.startsWith("numeric") ? -1 : b.startsWith("numeric") ? 1 : a.localeCompare(b)));
process.stdout.write(rows.join("\n") + "\n");

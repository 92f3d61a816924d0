#!/usr/bin/env node
/**
 * Draws the add-in icons (assets/icon-16.png ... icon-128.png): a worksheet with a stoplight,
 * in the Prestatiemonitor colours. Pure Node: shapes are signed-distance functions, sampled
 * 4x4 per pixel for antialiasing, and written as RGBA PNGs with zlib and our own CRC-32, so the
 * icons can be regenerated anywhere without an image library.
 *
 * Usage: node scripts/draw-icons.js [outDir]   (default: assets)
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
// The CLI's CRC-32 (compiled to lib/ by `npm install`), the one PNG chunks need too.
const { computeCrc32 } = require("../lib/cli/xlsx/read-zip.js");

const SIZES = [16, 32, 64, 80, 128];

const COLOURS = {
  brand: [15, 108, 189], // Fluent brand blue #0F6CBD
  brandDark: [17, 94, 163],
  paper: [255, 255, 255],
  gridLine: [199, 224, 244],
  housing: [36, 36, 36],
  red: [209, 52, 56],
  orange: [247, 140, 0],
  green: [16, 124, 16],
  rim: [255, 255, 255],
};

/** Signed distance to a rounded rectangle centred at (cx, cy) with half sizes (hw, hh). */
function roundedRect(x, y, cx, cy, hw, hh, r) {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - r;
}

function circle(x, y, cx, cy, r) {
  return Math.hypot(x - cx, y - cy) - r;
}

/**
 * The scene in unit coordinates (0..1). Small icons drop the grid lines, which would only blur
 * at 16 px, and get relatively larger lamps.
 */
function buildScene(size) {
  const small = size <= 16;
  const layers = [];
  // The worksheet: a blue rounded tile with a white sheet and a blue header band.
  layers.push({ colour: COLOURS.brand, sdf: (x, y) => roundedRect(x, y, 0.5, 0.5, 0.47, 0.47, 0.12) });
  if (!small) {
    layers.push({ colour: COLOURS.paper, sdf: (x, y) => roundedRect(x, y, 0.5, 0.56, 0.39, 0.35, 0.06) });
    for (const gy of [0.43, 0.58, 0.73]) {
      layers.push({ colour: COLOURS.gridLine, sdf: (x, y) => roundedRect(x, y, 0.33, gy, 0.19, 0.012, 0.006) });
    }
    for (const gx of [0.26, 0.4]) {
      layers.push({ colour: COLOURS.gridLine, sdf: (x, y) => roundedRect(x, y, gx, 0.6, 0.012, 0.26, 0.006) });
    }
  }
  // The stoplight: dark housing with three lamps, red, orange, green.
  const lx = small ? 0.5 : 0.68;
  const hw = small ? 0.2 : 0.15;
  const lampR = small ? 0.12 : 0.085;
  const top = small ? 0.24 : 0.32;
  const step = small ? 0.26 : 0.2;
  layers.push({ colour: COLOURS.rim, sdf: (x, y) => roundedRect(x, y, lx, top + step, hw + 0.03, step * 1.5 + 0.03, hw) });
  layers.push({ colour: COLOURS.housing, sdf: (x, y) => roundedRect(x, y, lx, top + step, hw, step * 1.5, hw - 0.02) });
  [COLOURS.red, COLOURS.orange, COLOURS.green].forEach((colour, i) => {
    layers.push({ colour, sdf: (x, y) => circle(x, y, lx, top + i * step, lampR) });
  });
  return layers;
}

/** Renders the scene to RGBA bytes, sampling each pixel on a 4x4 grid (premultiplied blend). */
function render(size) {
  const layers = buildScene(size);
  const pixels = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy += 1) {
        for (let sx = 0; sx < n; sx += 1) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          let colour;
          for (const layer of layers) if (layer.sdf(x, y) <= 0) colour = layer.colour;
          if (colour) {
            r += colour[0];
            g += colour[1];
            b += colour[2];
            a += 1;
          }
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        pixels[o] = Math.round(r / a);
        pixels[o + 1] = Math.round(g / a);
        pixels[o + 2] = Math.round(b / a);
      }
      pixels[o + 3] = Math.round((a / (n * n)) * 255);
    }
  }
  return pixels;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(computeCrc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes RGBA pixels as a PNG (colour type 6, 8 bits, filter 0 on every scanline). */
function encodePng(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    raw[y * (size * 4 + 1)] = 0;
    pixels.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function main() {
  const outDir = path.resolve(process.argv[2] ?? path.join(__dirname, "..", "assets"));
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, render(size)));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

if (require.main === module) main();

module.exports = { encodePng, render, SIZES };

const D = '/work/main/dist';
const vega = await import('vega'); const { compile } = await import('vega-lite');
const { loadMarket } = await import(`${D}/data/load-market.js`);
const { loadNote } = await import(`${D}/narrative/load-note.js`);
const { buildFacts } = await import(`${D}/facts/build-facts.js`);
const { chartPlans } = await import(`${D}/charts/build-charts.js`);
await import(`${D}/charts/to-svg.js`);
const market = loadMarket(); const note = loadNote('weekly-outlook');
const facts = buildFacts(market, note.config, { asOf: '2025-12-12', noteName: note.name });
const plans = chartPlans(facts);
const acc = {};
for (let rep = 0; rep < 25; rep++) for (const p of plans) {
  let t = performance.now(); const vg = compile(p.spec).spec; const c = performance.now() - t;
  t = performance.now(); const view = new vega.View(vega.parse(vg), { renderer: 'none' }); await view.runAsync(); const r = performance.now() - t;
  t = performance.now(); await view.toSVG(); view.finalize(); const s = performance.now() - t;
  if (rep >= 5) { const a = (acc[p.id] ??= [0, 0, 0]); a[0] += c / 20; a[1] += r / 20; a[2] += s / 20; }
}
let tot = [0, 0, 0];
for (const [k, a] of Object.entries(acc)) { console.log(k, a.map((x) => x.toFixed(1)).join(' ')); a.forEach((x, i) => (tot[i] += x)); }
console.log('total compile/run/svg', tot.map((x) => x.toFixed(0)).join(' '));

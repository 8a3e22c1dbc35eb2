// One CSV file per table of the site, with formula-like cells neutralised (see data/csv.ts), at
// the path site-paths.ts gives it (the same as its Download link).
import type { APIRoute } from 'astro';
import site from 'virtual:goalpost/site-data';
import { tableToCsv } from '../../data/csv.ts';
import { allTables } from '../../data/site-data.ts';
import type { TableData } from '../../data/types.ts';
import { csvFile } from '../../site-paths.ts';

export function getStaticPaths() {
  return allTables(site).map((table) => ({ params: { path: csvFile(table.csv).slice('csv/'.length, -'.csv'.length) }, props: { table } }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(tableToCsv((props as { table: TableData }).table), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });

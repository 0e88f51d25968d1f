// The market.yaml that points into ../shared/data/real (the data is never copied): used by the benchmark and,
// through tests/helpers/real-market.ts, by the real-data tests, so both read the same series. The dsturdy ETF
// files hold Yahoo's dividend-adjusted closes in a column called Close, hence `adjusted: true`.
import { join } from 'node:path';

/** market.yaml text for the real data folder `realDir`, with absolute file paths. */
export function realMarketYaml(realDir) {
  const d = (p) => join(realDir, p);
  return `series:
  SPX: { file: ${d('culolom-backtest/GSPC.csv')}, name: "S&P 500" }
  RUT: { file: ${d('alitalbi-storage_data_fy/RUT.csv')}, name: "Russell 2000" }
  TNX: { file: ${d('alitalbi-storage_data_fy/TNX.csv')}, name: "10-year Treasury yield", kind: yield }
  IWM: { file: ${d('dsturdy-Factor_Attribution/IWM.csv')}, name: "iShares Russell 2000 ETF", adjusted: true, index: "Russell 2000" }
  IVV: { file: ${d('dsturdy-Factor_Attribution/IVV.csv')}, name: "iShares Core S&P 500 ETF", adjusted: true, index: "S&P 500" }
  RSP: { file: ${d('dsturdy-Factor_Attribution/RSP.csv')}, name: "Invesco S&P 500 Equal Weight ETF", adjusted: true, index: "S&P 500 Equal Weight" }
  SPY: { file: ${d('dsturdy-Factor_Attribution/SPY.csv')}, name: "SPDR S&P 500 ETF", adjusted: true, index: "S&P 500" }
  IJR: { file: ${d('dsturdy-Factor_Attribution/IJR.csv')}, name: "iShares Core S&P Small-Cap ETF", adjusted: true, index: "S&P SmallCap 600" }
universes:
  SP600: { file: ${d('dsturdy-Factor_Attribution/sp600_constituents_close_2015_2026.csv')}, layout: wide, name: "S&P 600", adjusted: true }
`;
}

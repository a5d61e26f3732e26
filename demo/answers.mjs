// The canned answers of the demo's pretend assistant (a trading-desk copilot). Each one exercises
// a different corner of the markdown renderer: tables, fenced code in several languages, nested
// lists, blockquotes, links, inline code, emphasis and math. The trading answer also has what richer
// backends send besides the text: reasoning, a tool call with its input and output, and sources.

const fence = '```';

/**
 * @typedef {{ name: string, input: Record<string, unknown>, output: Record<string, unknown> }} Tool
 * @typedef {{ url: string, title: string }} Source
 * @type {{ id: string, match: RegExp, reasoning?: string, tool?: Tool, sources?: Source[], warning?: string, text: string }[]}
 */
export const answers = [
  {
    id: 'python',
    match: /python|pandas|drawdown/i,
    text: `Here is a small, dependency-light way to compute **maximum drawdown** from an equity curve with *pandas*:

${fence}python
import pandas as pd


def max_drawdown(equity: pd.Series) -> tuple[float, pd.Timestamp, pd.Timestamp]:
    """Return (drawdown, peak_time, trough_time) for an equity curve."""
    running_peak = equity.cummax()
    drawdown = equity / running_peak - 1.0
    trough = drawdown.idxmin()
    peak = equity.loc[:trough].idxmax()
    return float(drawdown.min()), peak, trough


equity = pd.read_csv("runs/5/equity.csv", index_col="ts", parse_dates=True)["equity"]
dd, peak, trough = max_drawdown(equity)
print(f"Max drawdown {dd:.2%} from {peak:%H:%M} to {trough:%H:%M}")
${fence}

A few notes:

- \`cummax()\` keeps the highest equity seen so far, so \`equity / running_peak - 1\` is ≤ 0 everywhere.
- The result is a **fraction**: \`-0.037\` means −3.7 %.
- For *intraday* data, resample first (\`equity.resample("1min").last()\`) so gaps don't hide a trough.
`,
  },
  {
    id: 'math',
    match: /math|formula|sharpe|volatility|kelly|equation/i,
    text: `The **Sharpe ratio** compares a strategy's excess return with its volatility:

$$
S = \\frac{\\mathbb{E}[R_p - R_f]}{\\sigma_p} \\approx \\sqrt{252}\\,\\frac{\\bar{r}_d}{s_d}
$$

where $\\bar{r}_d$ is the mean daily excess return and $s_d$ its standard deviation, so the
annualised volatility is \\(\\sigma = s_d \\sqrt{252}\\). For position sizing, the Kelly fraction of a
bet that wins $b$ times the stake with probability $p$ is

\\[ f^* = p - \\frac{1 - p}{b} \\]

Prices stay prices: a fill at $5 and another at $10 average $7.50, and \`$x$\` in code is code.
`,
  },
  {
    id: 'sql',
    match: /\bsql\b|typescript|query|database|worst/i,
    tool: {
      name: 'describe_schema',
      input: { tables: ['runs', 'trades'] },
      output: { runs: ['id', 'strategy', 'started_at'], trades: ['run_id', 'pnl', 'fees'] },
    },
    text: `Let the database do the aggregation and keep the TypeScript side thin. The query:

${fence}sql
-- Worst runs of the last 7 days, net of fees
SELECT r.id,
       r.strategy,
       SUM(t.pnl) - SUM(t.fees) AS net_pnl,
       COUNT(*)                 AS trades
FROM runs r
JOIN trades t ON t.run_id = r.id
WHERE r.started_at >= now() - interval '7 days'
GROUP BY r.id, r.strategy
HAVING SUM(t.pnl) - SUM(t.fees) < 0
ORDER BY net_pnl ASC
LIMIT $1;
${fence}

And a typed helper around it, using [\`pg\`](https://node-postgres.com/):

${fence}ts
import { Pool } from 'pg';
import { readFileSync } from 'node:fs';

export interface RunSummary {
  id: number;
  strategy: string;
  netPnl: number;
  trades: number;
}

const WORST_RUNS_SQL = readFileSync(new URL('./worst-runs.sql', import.meta.url), 'utf8');
const pool = new Pool({ connectionString: process.env.DATABASE_URL });

export async function worstRuns(limit = 5): Promise<RunSummary[]> {
  const { rows } = await pool.query(WORST_RUNS_SQL, [limit]);
  return rows.map((row) => ({
    id: row.id,
    strategy: row.strategy,
    netPnl: Number(row.net_pnl), // NUMERIC arrives as a string
    trades: Number(row.trades),
  }));
}
${fence}

The \`$1\` placeholder keeps the limit out of the SQL text, so there is nothing to inject into.
`,
  },
  {
    id: 'bash',
    match: /bash|shell|restart|logs?\b|worker|deploy/i,
    text: `To restart the worker and follow its logs:

${fence}bash
# Stop the worker gracefully, then start it again
sudo systemctl restart backtest-worker

# Follow the last 200 lines, warnings and worse only
journalctl -u backtest-worker -n 200 -f -p warning

# Or find the run that failed and grep its log
grep -n "run_id=5" /var/log/backtest/*.log | tail -n 20
${fence}

If it keeps crashing, check whether it is running out of memory:

${fence}bash
systemctl status backtest-worker --no-pager | grep -E "Active|Memory"
dmesg -T | grep -i "killed process" | tail -n 5
${fence}

> **Tip:** \`systemctl restart\` waits for the \`ExecStop\` hook, so open positions are flattened
> before the process exits.
`,
  },
  {
    id: 'help',
    match: /help|hello|\bhi\b|\bhey\b|what can you/i,
    text: `I'm the *trading desk assistant*. I can look at your runs, explain results and write code with you:

- **Analyse runs**
  - explain why a run made or lost money
  - compare two runs side by side (\`run #4 vs run #5\`)
- **Write code** in Python, TypeScript, SQL or Bash
- **Operate the platform**
  1. restart workers
  2. read logs
  3. tune strategy parameters

Try *"Why did run #5 lose money?"* or *"Compute max drawdown in Python"*. The
[user guide](https://example.com/docs/assistant) lists everything else.
`,
  },
  {
    id: 'trading',
    match: /\brun\b|#\d|lose|lost|loss|money|p&l|pnl|trade/i,
    reasoning: `The user wants to know why run #5 lost money. I should pull its trades first, then line them up with what the market did that day.

The three big losers are all longs between 13:45 and 16:45 UTC, and two of them sit right on the 14:00 CPI release, so slippage on the stops is the likely story. Position sizes also look large for the volatility: worth comparing with the ATR window the sizer uses.`,
    tool: {
      name: 'search_runs',
      input: { run_id: 5, include: ['trades', 'fills'] },
      output: { run_id: 5, strategy: 'mean-reversion-v3', trades: 5, net_pnl: -1842.6 },
    },
    sources: [
      { url: 'https://example.com/runs/5/trades', title: 'Run #5 · trade log' },
      { url: 'https://example.com/docs/strategies/mean-reversion', title: 'Mean reversion strategy: parameters' },
    ],
    warning: 'Fills for trade 5 are estimated: the exchange has not confirmed them yet.',
    text: `Run **#5** (\`mean-reversion-v3\` on BTC-USD, 15m bars) closed the day at **−$1,842.60** (−3.7 %). Three things drove the loss:

1. **Two stop-outs around the 14:00 UTC CPI release.** Spreads widened to ~9 bps and both exits filled well below the stop price.
2. **Position sizing ignored the volatility regime.** The sizer still used the 20-day ATR, so positions were ~1.8× what the current ATR supports.
3. **A late re-entry** after the \`cooldown_bars\` guard expired caught the second leg down.

| # | Time (UTC) | Side | Qty | Entry | Exit | P&L |
|---|------------|------|----:|------:|-----:|----:|
| 1 | 09:15 | Long | 0.40 | 61,204.10 | 61,388.50 | +$73.76 |
| 2 | 13:45 | Long | 0.75 | 61,010.00 | 60,402.20 | **−$455.85** |
| 3 | 14:05 | Long | 0.75 | 60,380.40 | 59,512.90 | **−$650.63** |
| 4 | 15:30 | Short | 0.50 | 59,640.00 | 59,702.80 | −$31.40 |
| 5 | 16:45 | Long | 0.90 | 59,850.00 | 59,003.20 | **−$762.12** |

Net of $16.36 in fees, that is −$1,842.60.

> Trades 2 and 3 alone account for **60 %** of the loss: both were entered *against* the move that followed the CPI print.

**What I would change**

- Add an economic-calendar blackout (±15 min around CPI, FOMC and NFP).
- Size positions on a shorter ATR window:
  - \`atr_window: 20\` → \`atr_window: 5\` while volatility is high
  - cap the risk per trade at \`max_risk_pct: 0.5\`
- Re-run the backtest over the last 30 days with these settings; the [strategy docs](https://example.com/docs/strategies/mean-reversion) describe every parameter.
`,
  },
];

/**
 * The answer for a message: the first whose keywords match, otherwise the next one in turn
 * (`turn` is how many questions came before, so a conversation walks through all of them).
 */
export function pickAnswer(message, turn = 0) {
  return answers.find((answer) => answer.match.test(message)) ?? answers[turn % answers.length];
}

package coop.lattice.collective;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.exchange.FundId;
import coop.lattice.exchange.ItemId;
import coop.lattice.metrics.Need;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * An immutable snapshot of the exchanges: part of {@link CollectiveState}.
 *
 * @param balances each member's time-bank balance, for members who ever had one
 * @param issued the starting hours the collective's own account gave out (its balance is the negative)
 * @param transfers every time-bank transfer, by its entry
 * @param postings every offer and request, by its entry
 * @param partnerships every partner collective's exchange
 * @param trades every trade with a partner, by its entry
 * @param coverage per critical need, the partners that could cover it
 * @param funds every mutual aid fund
 * @param claims every claim, by its entry
 * @param tools every item of the tool library
 */
public record ExchangeState(Map<MemberId, HoursBalance> balances, BigDecimal issued, Map<Long, TimeTransfer> transfers,
    Map<Long, PostingRecord> postings, Map<CollectiveId, Partnership> partnerships, Map<Long, TradeRecord> trades,
    Map<Need, List<CollectiveId>> coverage, Map<FundId, FundRecord> funds, Map<Long, ClaimRecord> claims,
    Map<ItemId, ToolRecord> tools) {
  public ExchangeState {
    balances = Map.copyOf(balances);
    transfers = Map.copyOf(transfers);
    postings = Map.copyOf(postings);
    partnerships = Map.copyOf(partnerships);
    trades = Map.copyOf(trades);
    coverage = Map.copyOf(coverage);
    funds = Map.copyOf(funds);
    claims = Map.copyOf(claims);
    tools = Map.copyOf(tools);
  }
}

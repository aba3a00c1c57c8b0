package coop.lattice.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.lattice.collective.ExpenseRecord;
import coop.lattice.signup.PlannedSlot;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 17's week, end to end: members sign up, the rotation fills the rest, an expense is approved
 * and reimbursed, and a time poll picks the meeting time; the same week gives the same ledger.
 */
class ChosenWeekTest {
  @Test
  void membersChooseTheRotationFillsTheRestAnExpenseIsApprovedAndATimeIsPicked() {
    ChosenWeek.Week week = ChosenWeek.run();

    List<PlannedSlot> plan = week.plan();
    assertEquals(3, plan.size(), "two seats on Saturday, one on Wednesday: " + plan);
    PlannedSlot sorting = only(plan, ChosenWeek.SORTING);
    assertEquals(ChosenWeek.CY, sorting.member());
    assertEquals(PlannedSlot.How.CHOSEN, sorting.how());
    List<PlannedSlot> saturday = plan.stream().filter(s -> s.slot().role().equals(ChosenWeek.SHIFT)).toList();
    assertTrue(saturday.stream().anyMatch(s -> ChosenWeek.BO.equals(s.member()) && s.how() == PlannedSlot.How.CHOSEN),
        "Bo keeps the shift he chose: " + saturday);
    PlannedSlot assigned = saturday.stream().filter(s -> s.how() == PlannedSlot.How.ASSIGNED).findFirst().orElseThrow();
    assertNotNull(assigned.member());
    assertNotEquals(ChosenWeek.BO, assigned.member(), "nobody is booked twice on one shift");
    assertNotEquals(ChosenWeek.DEE, assigned.member(), "Dee would rather not on Saturdays, and others could");
    assertFalse(assigned.reason().isBlank(), "the plan says why");

    assertEquals(ExpenseRecord.Status.REIMBURSED, week.expense().status());
    assertEquals(ChosenWeek.BO, week.expense().claimant());

    assertEquals("2027-03-17T18:00:00Z", week.meeting().order().get(0),
        "four can make the 17th (two of them for sure), three the 16th");

    assertEquals(week.collective().ledger().root(), ChosenWeek.run().collective().ledger().root(),
        "the same week gives the same ledger");
  }

  private static PlannedSlot only(List<PlannedSlot> plan, coop.lattice.rotation.RoleId role) {
    List<PlannedSlot> found = plan.stream().filter(s -> s.slot().role().equals(role)).toList();
    assertEquals(1, found.size(), role + ": " + found);
    return found.get(0);
  }
}

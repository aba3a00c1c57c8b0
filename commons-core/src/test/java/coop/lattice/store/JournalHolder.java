package coop.lattice.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The child process of {@code JournalLockIT}: opens the journal in {@code args[0]} for writing,
 * says {@code holding <pid> <size>}, and keeps it open until it is killed.
 */
public final class JournalHolder {
  private JournalHolder() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    FileJournal journal = FileJournal.open(Path.of(args[0]));
    System.out.println("holding " + ProcessHandle.current().pid() + " " + journal.size());
    System.out.flush();
    while (System.in.read() >= 0) {
      // held until the parent kills this process by its pid
    }
    Thread.sleep(Long.MAX_VALUE); // stdin closed early: still held
  }
}

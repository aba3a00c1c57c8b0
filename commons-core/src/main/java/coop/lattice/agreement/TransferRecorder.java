package coop.lattice.agreement;

/** Which side records a time-bank transfer: the {@link Parameter#TIME_BANK_RECORDED_BY} setting. */
public enum TransferRecorder {
  /** The member who gave the time records; the receiver of the service confirms. The default. */
  PROVIDER,
  /** The receiver of the service records; the provider confirms. */
  RECEIVER
}

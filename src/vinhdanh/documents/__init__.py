"""Documents as bytes: certificates (PDF), PAdES signatures. Knows layouts and files, never
our models (the floor just above ``core``)."""

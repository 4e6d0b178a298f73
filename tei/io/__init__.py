"""The only stage that touches the disk: reading inputs, writing outputs, parsing XML safely."""

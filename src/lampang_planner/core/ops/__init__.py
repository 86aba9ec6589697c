"""One module per area. Each public function that changes data is one transaction on the store."""

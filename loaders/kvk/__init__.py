"""The KVK source kinds: a selection file (CSV/XLSX) and saved KVK API answers (JSON)."""

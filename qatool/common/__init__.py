"""Shared plumbing of every stage: reading inputs (`io`), the output contracts (`schema`), record stores
and Parquet files (`records`), a run folder as later stages read it (`outputs`), text normalisation
(`normalize`), the process pool (`parallel`) and the `[tool.qatool]` configuration (`config`).

Nothing here imports a stage.
"""

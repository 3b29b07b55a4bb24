SELECT alias_id, name, email, login, contributions, bot_kind, bot_rule, opted_out FROM aliases

"""The app's forms: the public lists' filters, "Min forening", and what citizens submit."""

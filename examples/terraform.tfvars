prefix     = "contoso-prod"
location   = "westeurope"
node_count = 3

module example.com/infusion/dose

go 1.19
